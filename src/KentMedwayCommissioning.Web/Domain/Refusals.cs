namespace KentMedwayCommissioning.Web.Domain;

// The three ways a request is refused, together. ProblemDetailsExceptionHandler answers each with its status and a
// problem body; pages show a GovernanceException's message next to the form.

/// <summary>A breach of the governance rules that the user can put right; shown to them as a message, never a 500.</summary>
public sealed class GovernanceException(string message) : Exception(message);

/// <summary>Thrown when the signed-in user may not do what they asked; answered with 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Thrown by a handler when the record a request names does not exist; answered with 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

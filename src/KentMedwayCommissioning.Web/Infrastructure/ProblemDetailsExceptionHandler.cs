using FluentValidation;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.AspNetCore.Diagnostics;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Microsoft.AspNetCore.Mvc;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// The one place where a failure becomes an HTTP answer: invalid input is a 400 with a validation problem body,
/// a missing record a 404 (the API's endpoints throw NotFoundException too); anything else falls through to the error
/// page (or a 500 problem for the API).
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException validation => new ValidationProblemDetails(ToDictionary(validation))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
            },
            NotFoundException notFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found.",
                Detail = notFound.Message,
            },
            ForbiddenException forbidden => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden.",
                Detail = forbidden.Message,
            },
            GovernanceException governance => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The governance rules do not allow this.",
                Detail = governance.Message,
            },
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request is not valid.",
                Detail = WithoutTypeNames(badRequest.Message),
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        // By now the middleware has rewritten the path to the error page; the feature keeps the one requested.
        var requested = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (requested is null || !OpenDataEndpoints.AnswersWithProblemBodies(requested))
        {
            // A page request: the status code page (registered outside this handler) shows the error page.
            return true;
        }

        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? httpContext.TraceIdentifier;
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>
    /// ASP.NET Core names the parameter's .NET type when a value does not bind (<c>Failed to bind parameter
    /// "Nullable&lt;long&gt; before" from "abc"</c>); a reader needs only the parameter's name.
    /// </summary>
    private static string WithoutTypeNames(string message) =>
        BindFailure().Match(message) is { Success: true } failure
            ? $"The value given for '{failure.Groups["name"].Value}' is not of the right form."
            : message;

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    private static Dictionary<string, string[]> ToDictionary(ValidationException validation) =>
        validation.Errors
            // Errors are keyed by the query parameter a client sent ("outcome"), not by where the request object holds it
            // ("Filters.Outcome"): the API's inputs are flat query parameters.
            .GroupBy(error => ToCamelCase(error.PropertyName[(error.PropertyName.LastIndexOf('.') + 1)..]))
            .ToDictionary(group => group.Key, group => group.Select(error => error.ErrorMessage).Distinct().ToArray());

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

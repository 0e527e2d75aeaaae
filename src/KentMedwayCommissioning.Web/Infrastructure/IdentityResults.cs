using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;

namespace KentMedwayCommissioning.Web.Infrastructure;

public static class IdentityResults
{
    /// <summary>Turns Identity's refusal (a weak password, a taken user name) into a message next to <paramref name="field"/>.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(error => new ValidationFailure(field, error.Description.TrimEnd('.'))));
        }
    }
}

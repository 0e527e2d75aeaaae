using FluentValidation;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using KentMedwayCommissioning.Web.Domain.Meetings;
using Mediator;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KentMedwayCommissioning.Web.Infrastructure;

public static class PageValidation
{
    /// <summary>Sends a query whose parameters come from the address; invalid ones land in ModelState for the page to show.</summary>
    public static async Task<(bool Succeeded, TResponse? Response)> TrySendQueryAsync<TResponse>(
        this ISender sender,
        IQuery<TResponse> query,
        ModelStateDictionary modelState,
        CancellationToken cancellationToken)
    {
        try
        {
            return (true, await sender.Send(query, cancellationToken));
        }
        catch (ValidationException validation)
        {
            foreach (var error in validation.Errors)
            {
                modelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }

            return (false, default);
        }
    }

    /// <summary>
    /// Sends a command from a page; when validation fails the messages land in ModelState next to their fields
    /// (under <paramref name="prefix"/>, the name the form binds the command to), and when a governance rule refuses
    /// the command its message goes to the top of the page. Either way nothing is written and the result is default.
    /// </summary>
    public static Task<(bool Succeeded, TResponse? Response)> TrySendAsync<TResponse>(
        this ISender sender,
        ICommand<TResponse> command,
        ModelStateDictionary modelState,
        string prefix,
        CancellationToken cancellationToken) =>
        sender.TrySendAsync(command, modelState, property => $"{prefix}.{property}", cancellationToken);

    /// <summary>
    /// As above, where the form's field names are not the command's: <paramref name="fieldFor"/> names the field (the
    /// ModelState key, which the error summary links to) that shows the error of a command property, or empty for the
    /// top of the page.
    /// </summary>
    public static async Task<(bool Succeeded, TResponse? Response)> TrySendAsync<TResponse>(
        this ISender sender,
        ICommand<TResponse> command,
        ModelStateDictionary modelState,
        Func<string, string> fieldFor,
        CancellationToken cancellationToken)
    {
        try
        {
            return (true, await sender.Send(command, cancellationToken));
        }
        catch (ValidationException validation)
        {
            foreach (var error in validation.Errors)
            {
                var key = string.IsNullOrEmpty(error.PropertyName) ? string.Empty : fieldFor(error.PropertyName);
                modelState.AddModelError(key, error.ErrorMessage);
            }

            return (false, default);
        }
        catch (GovernanceException refusal)
        {
            modelState.AddModelError(string.Empty, refusal.Message);
            return (false, default);
        }
        catch (DbUpdateException conflict) when (conflict.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Usually a second click, or two people recording the same thing at once: the first one stands.
            modelState.AddModelError(string.Empty, "That has just been recorded, perhaps by a second click. Reload the page to see it.");
            return (false, default);
        }
    }
}

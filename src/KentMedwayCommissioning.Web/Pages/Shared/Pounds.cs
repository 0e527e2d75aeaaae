using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>
/// An amount of money as people type it: "40", "£40", "£1,250.50". Commas must group thousands, so "12,34" is refused
/// rather than guessed at.
/// </summary>
public static partial class Pounds
{
    public const string Refusal = "Enter the value in pounds, such as £40 or £1,250.50";

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var match = Amount().Match(text ?? "");
        return match.Success && decimal.TryParse(match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^\s*£?\s*(?<number>(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?)\s*$")]
    private static partial Regex Amount();
}

/// <summary>
/// Binds a form's money field with <see cref="Pounds"/>, so "£40" is a value and junk gets one clear message instead of
/// MVC's "The value '…' is not valid". An empty field binds as null, for the validators to ask for it.
/// </summary>
public sealed class PoundsModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        if (string.IsNullOrWhiteSpace(result.FirstValue))
        {
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (Pounds.TryParse(result.FirstValue, out var value))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Pounds.Refusal);
        }

        return Task.CompletedTask;
    }
}

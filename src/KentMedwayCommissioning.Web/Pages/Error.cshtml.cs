using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KentMedwayCommissioning.Web.Pages;

/// <summary>The page for every error status: 404 for an unknown address, the rest with a reference to quote.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string RequestId { get; private set; } = string.Empty;

    public void OnGet() => Show();

    public void OnPost() => Show();

    /// <summary>
    /// The status comes from the route alone, never through model binding: the page is re-executed for a refused form
    /// post, whose fields may carry their own "status" or be unreadable (a null character), and must not turn a 403 or
    /// 400 into a 500.
    /// </summary>
    private void Show()
    {
        Status = int.TryParse(RouteData.Values["status"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
    }
}

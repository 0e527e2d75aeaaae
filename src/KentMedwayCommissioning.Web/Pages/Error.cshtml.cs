using System.Diagnostics;
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

    // From the route only: the page is re-executed for a refused form post, whose own fields (a "status" radio, say)
    // must not decide the status shown.
    public void OnGet([FromRoute] int? status) => Show(status);

    public void OnPost([FromRoute] int? status) => Show(status);

    private void Show(int? status)
    {
        Status = status ?? StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
    }
}

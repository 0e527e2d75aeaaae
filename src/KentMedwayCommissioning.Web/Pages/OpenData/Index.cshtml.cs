using KentMedwayCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KentMedwayCommissioning.Web.Pages.OpenData;

[AllowAnonymous]
public sealed class IndexModel(RegisterSigner signer) : PageModel
{
    /// <summary>The key that signs the register's checkpoints, published here as well as at its own address.</summary>
    public string? VerifierKey => signer.Signer?.Verifier.Encoded;

    public void OnGet()
    {
    }
}

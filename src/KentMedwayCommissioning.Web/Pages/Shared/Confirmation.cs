using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace KentMedwayCommissioning.Web.Pages.Shared;

/// <summary>The one-off "done" message a page shows after a redirect, kept in TempData.</summary>
public static class Confirmation
{
    /// <summary>
    /// Reads and removes the message, but only when the visitor brought TempData with them: merely reading TempData makes
    /// the answer delete its cookie, and an answer that sets a cookie is never output-cached (see Decisions/RegisterCache).
    /// </summary>
    public static string? Take(HttpContext http, ITempDataDictionary tempData)
    {
        var cookie = http.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name;
        return cookie is not null && http.Request.Cookies.ContainsKey(cookie) ? tempData["Confirmation"] as string : null;
    }
}

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>How every open-data URL (the read-only API, CSV, Atom and the calendar) is mapped.</summary>
public static class OpenDataEndpoints
{
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// GET and HEAD (RFC 9110 §9.1 asks for HEAD wherever GET is answered), anonymous, readable from any origin
    /// (public data, no credentials) and cacheable by anyone for a minute.
    /// </summary>
    public static RouteHandlerBuilder MapOpenData(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, ReadMethods, handler).AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.AccessControlAllowOrigin = "*";
            headers.CacheControl = "public, max-age=60";
            return await next(context);
        });

    /// <summary>True for a URL whose errors are answered with a problem body rather than the error page.</summary>
    public static bool AnswersWithProblemBodies(string path) =>
        path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".atom", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".ics", StringComparison.OrdinalIgnoreCase);
}

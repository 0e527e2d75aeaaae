namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>How every open-data URL (the read-only API, CSV, Atom and the calendar) is mapped.</summary>
public static class OpenDataEndpoints
{
    /// <summary>
    /// A GET endpoint with a HEAD twin (RFC 9110 §9.1 asks for HEAD wherever GET is answered; the twin is left out of the
    /// OpenAPI document, which describes each operation once), anonymous, readable from any origin (public data, no
    /// credentials) and cacheable by anyone for a minute. Every operation declares its problem bodies: 400 for a
    /// parameter refused (with the parameter's name in <c>errors</c>), 404 for something that is not there. The caller
    /// declares its own 200 body.
    /// </summary>
    /// <param name="onBoth">Conventions that GET and HEAD must share, such as HTTP validators.</param>
    public static RouteHandlerBuilder MapOpenData(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler, Action<RouteHandlerBuilder>? onBoth = null)
    {
        var head = endpoints.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription().AsOpenData();
        onBoth?.Invoke(head);
        head.AddEndpointFilter(async (context, next) =>
        {
            // The same headers as GET, no body, whichever server runs the app (Kestrel drops it; the test server would not).
            context.HttpContext.Response.Body = Stream.Null;
            return await next(context);
        });
        var get = endpoints.MapGet(pattern, handler).AsOpenData()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        onBoth?.Invoke(get);
        return get;
    }

    private static RouteHandlerBuilder AsOpenData(this RouteHandlerBuilder endpoint) =>
        endpoint.AllowAnonymous().AddEndpointFilter(async (context, next) =>
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

using KentMedwayCommissioning.Web.Pages.Bodies;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Meetings;
using KentMedwayCommissioning.Web.Pages.Proposals;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KentMedwayCommissioning.Web.Infrastructure;

public static class RequestPipeline
{
    public static void UseKentMedwayCommissioning(this WebApplication app)
    {
        // Outermost, so the log records the status the visitor finally got, not the exception on the way.
        app.UseStructuredRequestLogging();
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });

        // Status code pages outside the exception handler, so a 403 or 404 it sets without a body still gets the error page.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so a signed-in visitor's pages are never cached or served from the cache.
        app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();

        app.MapRazorPages();

        // An address nothing answers is a 404 for everyone, not a sign-in prompt from the fallback policy.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        app.MapBodiesApi();
        app.MapDecisionsOpenData();
        app.MapRegisterBaseline();
        app.MapMeetingsCalendar();
        app.MapProposalsApi();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
    }
}

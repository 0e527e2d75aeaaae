using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// Per-address limits on signing in (against password guessing across accounts, which lockout alone does not stop),
/// on reading the whole register (the CSV and the chain check read every entry: seconds of work at a million entries,
/// so a few clients repeating them could keep the app busy) and on the API (so one client cannot starve the others).
/// Over the limit the answer is 429 with Retry-After. Settings under "RateLimiting": Enabled, SignInAttemptsPerMinute,
/// WholeRegisterReadsPerMinute, ApiRequestsPerMinute.
/// </summary>
public static class RateLimits
{
    private static readonly string[] GuessablePaths = ["/account/sign-in", "/account/set-password", "/account/forgot-password"];

    private static readonly string[] WholeRegisterPaths = ["/decisions.csv", "/decisions/verify", "/api/v1/decisions/verify"];

    public sealed class Settings
    {
        public bool Enabled { get; set; } = true;

        public int SignInAttemptsPerMinute { get; set; } = 10;

        public int WholeRegisterReadsPerMinute { get; set; } = 6;

        public int ApiRequestsPerMinute { get; set; } = 600;
    }

    public static void AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimiting").Get<Settings>() ?? new Settings();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.Headers.RetryAfter = seconds;
                if (OpenDataEndpoints.AnswersWithProblemBodies(context.HttpContext.Request.Path))
                {
                    // The API and the open-data files get a problem body; pages get the error page from the status code pages.
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.", detail: $"Try again in {seconds} seconds.")
                        .ExecuteAsync(context.HttpContext);
                }
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!settings.Enabled)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }

                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                // Guessing a password, a one-time link or which addresses have accounts: one budget per address.
                if (HttpMethods.IsPost(context.Request.Method) && GuessablePaths.Any(path => context.Request.Path.StartsWithSegments(path)))
                {
                    return RateLimitPartition.GetFixedWindowLimiter($"sign-in:{address}", _ => PerMinute(settings.SignInAttemptsPerMinute));
                }

                // The CSV and the chain check, page and API alike, share one budget per address.
                if (WholeRegisterPaths.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)))
                {
                    return RateLimitPartition.GetFixedWindowLimiter($"whole-register:{address}", _ => PerMinute(settings.WholeRegisterReadsPerMinute));
                }

                return context.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetFixedWindowLimiter($"api:{address}", _ => PerMinute(settings.ApiRequestsPerMinute))
                    : RateLimitPartition.GetNoLimiter("pages");
            });
        });
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };
}

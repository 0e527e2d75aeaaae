using KentMedwayCommissioning.Web.Data.DemoData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Data;

/// <summary>What the app does to its database before serving: apply migrations and load demo data, each when configured.</summary>
public sealed class DatabaseStartupOptions
{
    public const string Section = "DatabaseStartup";

    public bool ApplyMigrations { get; set; }
    public bool LoadDemoData { get; set; }
}

public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var options = app.Configuration.GetSection(DatabaseStartupOptions.Section).Get<DatabaseStartupOptions>() ?? new DatabaseStartupOptions();
        if (!options.ApplyMigrations && !options.LoadDemoData)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        if (options.ApplyMigrations)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            await Roles.EnsureAllAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        }

        if (options.LoadDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadAsync(cancellationToken);
        }
    }
}

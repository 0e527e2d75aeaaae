using System.Globalization;
using System.Security.Claims;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Data.DemoData;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Xunit;

namespace KentMedwayCommissioning.TestSupport;

/// <summary>
/// The application over its own migrated PostgreSQL database holding the demo data, shared by the tests of a collection.
/// Tests speak to it the way the slices do: send a request through the mediator, read the database in a fresh scope,
/// or make HTTP requests like a browser.
/// </summary>
public class TestApp : IAsyncLifetime
{
    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = string.Empty;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>When true the app listens on a real loopback port (for a browser); otherwise it runs in memory.</summary>
    protected virtual bool ListenOnLoopback => false;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        Factory = CreateFactory(ConnectionString);
        if (ListenOnLoopback)
        {
            // Listen (not ListenLocalhost, which cannot take port 0): a free port, so test runs side by side do not collide.
            Factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
            Factory.StartServer();
        }

        await MigrateAndLoadDemoDataAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>An empty database for this app; the shared test server's unless a test needs a server of its own.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync("app");

    /// <summary>Builds an app over <paramref name="connectionString"/> that leaves the database alone at start.</summary>
    public static WebApplicationFactory<Program> CreateFactory(string connectionString) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("ConnectionStrings:Default", connectionString);
            host.UseSetting("DatabaseStartup:ApplyMigrations", "false");
            host.UseSetting("DatabaseStartup:LoadDemoData", "false");
            // Every test signs in from the same address; the limits have tests of their own.
            host.UseSetting("RateLimiting:Enabled", "false");
            host.UseSetting(RegisterSigner.KeySetting, SigningKey);
        });

    /// <summary>The register's signing key in every test app of this run; its verifier key is what readers would keep.</summary>
    public static readonly string SigningKey = KentMedwayCommissioning.Transparency.NoteSigner.Generate("localhost/register");

    /// <summary>Empties every table and loads the demo data again, for tests that change data.</summary>
    public async Task ResetAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                // The data-protection keys sign cookies and antiforgery tokens; they outlive a reset like a real key ring.
                TablesToIgnore = ["__ef_migrations_history", "data_protection_keys"],
            });
            await _respawner.ResetAsync(connection);
        }

        // A register reloaded within the same second can end on the same head hash as one a test tampered with.
        await Factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(KentMedwayCommissioning.Web.Pages.Decisions.RegisterCache.Tag, CancellationToken.None);

        await LoadDemoDataAsync();
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>Sends a command as a signed-in user (see <see cref="Member"/> and <see cref="Secretary"/>), in its own scope.</summary>
    public async Task<TResponse> SendAsAsync<TResponse>(ClaimsPrincipal user, ICommand<TResponse> command)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = user;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>A signed-in member linked to the person, with the Member role.</summary>
    public static ClaimsPrincipal Member(int personId) => Principal($"person-{personId}", Roles.Member, new Claim(AppClaimsPrincipalFactory.PersonId, personId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A signed-in board secretary of the body.</summary>
    public static ClaimsPrincipal Secretary(int bodyId) => Principal($"secretary-{bodyId}", Roles.BoardSecretary, new Claim(CurrentUser.SecretaryOfClaim, bodyId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Makes the account with <paramref name="email"/> secretary of one more body, as an administrator would: for tests
    /// that need the demo secretary (who runs the single CCG) to keep an ended body's records too.
    /// </summary>
    public async Task AddSecretaryOfAsync(string email, string bodySlug)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"There is no account {email}.");
        var bodyId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bodies.Where(body => body.Slug == bodySlug).Select(body => body.Id).SingleAsync();
        var claim = new Claim(CurrentUser.SecretaryOfClaim, bodyId.ToString(CultureInfo.InvariantCulture));
        if (!(await users.GetClaimsAsync(user)).Any(existing => existing.Type == claim.Type && existing.Value == claim.Value))
        {
            var result = await users.AddClaimAsync(user, claim);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not make {email} secretary of {bodySlug}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
            }
        }
    }

    private static ClaimsPrincipal Principal(string name, string role, Claim claim) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), claim], authenticationType: "Test"));

    public async Task<T> QueryDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task LoadDemoDataAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadAsync(CancellationToken.None);
    }

    private async Task MigrateAndLoadDemoDataAsync()
    {
        await QueryDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            return true;
        });
        await LoadDemoDataAsync();
    }
}

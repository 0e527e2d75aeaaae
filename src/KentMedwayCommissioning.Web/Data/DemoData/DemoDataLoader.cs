using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Data.DemoData;

/// <summary>
/// Loads the demo data, area by area (the organisation, decisions and meetings, the programme, the registers, the
/// accounts), in order in one transaction. Every area looks for what is already there by its natural key (slug,
/// title, role), so loading twice changes nothing.
/// </summary>
public sealed class DemoDataLoader(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoDataLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction())
        {
            // Demo accounts have published passwords: a production database must never hold them.
            throw new InvalidOperationException("Demo data and its accounts are for Development only; refusing to load them in Production.");
        }

        // One transaction: a load that fails half way leaves nothing behind, and the next start tries again.
        // Under the retrying strategy, so a dropped connection reruns the whole load from a clean tracker.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (bodies, people) = await DemoOrganisation.LoadAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            await DemoDecisions.LoadAsync(db, bodies, cancellationToken);
            await DemoDecisions.LoadDemoMeetingsAsync(db, clock, bodies[DemoAccounts.Body], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await DemoProgramme.LoadAsync(db, clock, bodies, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await DemoRegisters.LoadAsync(db, clock, bodies[DemoAccounts.Body], people, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await DemoDecisions.PublishPapersDecisionsAsync(db, clock, cancellationToken);

            await DemoAccountSetup.LoadAsync(users, roles, people, bodies);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Demo data loaded: {Bodies} bodies, {People} people", bodies.Count, people.Count);
        });
    }
}

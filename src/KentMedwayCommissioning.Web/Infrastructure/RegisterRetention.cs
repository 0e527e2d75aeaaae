using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// The retention rule of the guidance: records of interests and of gifts and hospitality are kept for 6 years, then
/// deleted. An interest is kept for 6 years after it ends (one still held is kept), an offer for 6 years after it was
/// made. Declarations minuted at meetings and procurement decisions are part of the published record and stay.
/// </summary>
public static class Retention
{
    /// <summary>The advisory lock an instance holds while it purges.</summary>
    public const long Lock = 0x4B4D43_0002;

    /// <summary>
    /// Not sent from any page: only <see cref="RegisterRetentionJob"/> sends it, at start and then once a day. The
    /// answer is null when another instance of the app is purging at that moment, and leaves the purge to it.
    /// </summary>
    public sealed record PurgeExpiredRecords : ICommand<Purged?>;

    public sealed record Purged(int Interests, int GiftsAndHospitality);

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<PurgeExpiredRecords, Purged?>
    {
        public async ValueTask<Purged?> Handle(PurgeExpiredRecords command, CancellationToken cancellationToken)
        {
            var purging = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({Lock}) AS \"Value\"").SingleAsync(cancellationToken);
            if (!purging)
            {
                return null;
            }

            var before = ConflictsOfInterestGuidance.PurgeIfEndedBefore(UkCalendar.Today(clock));
            var interests = await db.Interests.Where(interest => interest.To != null && interest.To < before).ExecuteDeleteAsync(cancellationToken);
            var offers = await db.GiftsAndHospitality.Where(offer => offer.OfferedOn < before).ExecuteDeleteAsync(cancellationToken);
            return new Purged(interests, offers);
        }
    }
}

/// <summary>
/// Runs <see cref="Retention.PurgeExpiredRecords"/> when the app starts (after its migrations) and then once a day,
/// and logs what it deleted: an app redeployed every day still purges.
/// </summary>
public sealed class RegisterRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RegisterRetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await PurgeAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PurgeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if ((await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync(stoppingToken)).Any())
            {
                // Only where something else migrates the database after the app starts (the tests): tomorrow's run purges.
                logger.LogInformation("Retention: the database is not fully migrated yet, so the purge waits for the next run");
                return;
            }

            var purged = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Retention.PurgeExpiredRecords(), stoppingToken);
            if (purged is null)
            {
                logger.LogInformation("Retention: another instance is purging expired register records");
                return;
            }

            logger.LogInformation("Retention: deleted {Interests} interests and {Offers} gifts and hospitality kept for over 6 years", purged.Interests, purged.GiftsAndHospitality);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // A failed run (the database briefly away) must not stop the app; tomorrow's run tries again.
            logger.LogError(failure, "Retention: the purge of expired register records failed");
        }
    }
}

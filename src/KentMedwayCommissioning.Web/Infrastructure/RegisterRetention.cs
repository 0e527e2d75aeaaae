using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Pages.Registers;
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
    /// <summary>Not sent from any page: only <see cref="RegisterRetentionJob"/> sends it, once a day.</summary>
    public sealed record PurgeExpiredRecords : ICommand<Purged>;

    public sealed record Purged(int Interests, int GiftsAndHospitality);

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<PurgeExpiredRecords, Purged>
    {
        public async ValueTask<Purged> Handle(PurgeExpiredRecords command, CancellationToken cancellationToken)
        {
            var before = ConflictsOfInterestGuidance.PurgeIfEndedBefore(DecisionMakingStaff.Today(clock));
            var interests = await db.Interests.Where(interest => interest.To != null && interest.To < before).ExecuteDeleteAsync(cancellationToken);
            var offers = await db.GiftsAndHospitality.Where(offer => offer.OfferedOn < before).ExecuteDeleteAsync(cancellationToken);
            return new Purged(interests, offers);
        }
    }
}

/// <summary>Runs <see cref="Retention.PurgeExpiredRecords"/> once a day while the app runs, and logs what it deleted.</summary>
public sealed class RegisterRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RegisterRetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Retention.PurgeExpiredRecords(), stoppingToken);
                logger.LogInformation("Retention: deleted {Interests} interests and {Offers} gifts and hospitality kept for over 6 years", purged.Interests, purged.GiftsAndHospitality);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // A failed run (the database briefly away) must not stop the app; tomorrow's run tries again.
                logger.LogError(failure, "Retention: the daily purge of expired register records failed");
            }
        }
    }
}

using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The secretary publishes the decided items of a closed meeting: each becomes an entry in the append-only hash chain.
/// Items already published are skipped, so publishing twice (or twice at once) publishes each item once.
/// </summary>
public static class PublishMeeting
{
    public sealed record Command(int MeetingId) : ICommand<int>, IMeetingSecretaryCommand;

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken) =>
            await Publisher.PublishAsync(db, command.MeetingId, clock.GetUtcNow(), cancellationToken);
    }
}

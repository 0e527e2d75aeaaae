using KentMedwayCommissioning.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>What the forms that add to an item (a paper, an action) show above themselves, and whose body it is.</summary>
public sealed record ItemHeading(int BodyId, string MeetingTitle, int Number, string Title)
{
    public sealed record Query(int MeetingId, int Number) : IQuery<ItemHeading?>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, ItemHeading?>
    {
        public async ValueTask<ItemHeading?> Handle(Query query, CancellationToken cancellationToken) =>
            await db.AgendaItems
                .AsNoTracking()
                .Where(item => item.MeetingId == query.MeetingId && item.Number == query.Number)
                .Select(item => new ItemHeading(item.Meeting.BodyId, item.Meeting.Title, item.Number, item.Title))
                .SingleOrDefaultAsync(cancellationToken);
    }
}

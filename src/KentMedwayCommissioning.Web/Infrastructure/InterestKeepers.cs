using KentMedwayCommissioning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>Who keeps a person's register: the person, the board secretary of a body they sit on, or an administrator.</summary>
public static class InterestKeepers
{
    public static async Task<bool> MayKeepAsync(AppDbContext db, CurrentUser user, int personId, DateOnly today, CancellationToken cancellationToken)
    {
        if (user.PersonId == personId || user.IsAdministrator)
        {
            return true;
        }

        var bodies = await db.Memberships
            .Where(membership => membership.PersonId == personId && (membership.To == null || membership.To >= today))
            .Select(membership => membership.BodyId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return bodies.Any(user.CanRunMeetingsOf);
    }

    public static async Task<int> RequireKeeperAsync(AppDbContext db, CurrentUser user, string personSlug, DateOnly today, CancellationToken cancellationToken)
    {
        var personId = await db.People.Where(person => person.Slug == personSlug).Select(person => (int?)person.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"There is no person '{personSlug}'.");
        return await MayKeepAsync(db, user, personId, today, cancellationToken)
            ? personId
            : throw new ForbiddenException("Only the person, the board secretary of a body they sit on, or an administrator keeps this register.");
    }
}

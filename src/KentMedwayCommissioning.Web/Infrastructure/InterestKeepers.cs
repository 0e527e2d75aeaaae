using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Registers;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>Applies <see cref="RegisterKeepers"/> to the signed-in user: the person, the board secretary of a body they sit on, or an administrator.</summary>
public static class InterestKeepers
{
    public static async Task<bool> MayKeepAsync(AppDbContext db, CurrentUser user, int personId, DateOnly today, CancellationToken cancellationToken)
    {
        var bodies = await db.Memberships
            .Where(membership => membership.PersonId == personId && (membership.To == null || membership.To >= today))
            .Select(membership => membership.BodyId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return RegisterKeepers.MayKeep(personId, user.PersonId, user.IsAdministrator, bodies, user.CanRunMeetingsOf);
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

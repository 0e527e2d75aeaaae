using KentMedwayCommissioning.Web.Data;

namespace KentMedwayCommissioning.Web.Pages.Registers;

/// <summary>
/// Whose entries the guidance publishes: decision-making staff, that is governing body (and committee) members and
/// senior officers, here everyone with a current seat on a body or a post they hold today.
/// </summary>
internal static class DecisionMakingStaff
{
    public static IQueryable<int> PersonIds(AppDbContext db, DateOnly today) =>
        db.Memberships
            .Where(membership => (membership.From == null || membership.From <= today) && (membership.To == null || membership.To >= today))
            .Select(membership => membership.PersonId)
            .Union(db.Appointments
                .Where(appointment => (appointment.From == null || appointment.From <= today) && (appointment.To == null || appointment.To >= today))
                .Select(appointment => appointment.PersonId));
}

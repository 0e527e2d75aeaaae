using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;

namespace KentMedwayCommissioning.Web.Pages.Registers;

/// <summary>
/// Whose entries the guidance publishes: decision-making staff, that is governing body (and committee) members and
/// senior officers, here everyone with a current seat on a body or a post they hold today.
/// </summary>
internal static class DecisionMakingStaff
{
    public static IQueryable<int> PersonIds(AppDbContext db, DateOnly today) =>
        db.Memberships
            .Where(Dated.HeldOn<Membership>(today))
            .Select(membership => membership.PersonId)
            .Union(db.Appointments
                .Where(Dated.HeldOn<Appointment>(today))
                .Select(appointment => appointment.PersonId));
}

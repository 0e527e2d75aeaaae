using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>Rules on the register of contracts shared by the slices that add to it (contracts and procurement decisions).</summary>
public static class ContractRegister
{
    /// <summary>
    /// Refuses a contract the register already holds: the same body, service and provider from the same start. Two
    /// entries for one contract would show it, and its recommissioning date, twice.
    /// </summary>
    public static async Task RefuseDuplicateAsync(AppDbContext db, int bodyId, string service, string provider, DateOnly startedOn, CancellationToken cancellationToken)
    {
        // A body starts few contracts on one day: compare those in memory, ignoring case and surrounding spaces.
        var sameStart = await db.Contracts.AsNoTracking()
            .Where(contract => contract.BodyId == bodyId && contract.StartedOn == startedOn)
            .Select(contract => new { contract.Service, contract.Provider })
            .ToListAsync(cancellationToken);
        if (sameStart.Any(contract => string.Equals(contract.Service, service.Trim(), StringComparison.OrdinalIgnoreCase)
                                      && string.Equals(contract.Provider, provider.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new GovernanceException($"The register already holds {service.Trim()} from {provider.Trim()}, starting {Display.Date(startedOn)}: it is not added twice.");
        }
    }
}

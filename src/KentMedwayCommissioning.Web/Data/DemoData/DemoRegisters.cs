using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Registers;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Data.DemoData;

internal static class DemoRegisters
{
    /// <summary>The fictional gifts, hospitality and procurement decision of <see cref="RegistersData"/>, dated from the day they are loaded.</summary>
    public static async Task LoadAsync(AppDbContext db, TimeProvider clock, Body body, Dictionary<string, Person> people, CancellationToken cancellationToken)
    {
        var today = UkCalendar.Today(clock);
        if (!await db.GiftsAndHospitality.AnyAsync(offer => offer.IsFictional, cancellationToken))
        {
            foreach (var offer in RegistersData.Offers)
            {
                var offeredOn = today.AddDays(-offer.DaysAgo);
                db.GiftsAndHospitality.Add(new GiftOrHospitality(people[offer.PersonName].Id, offer.Kind, offer.Description, offer.Giver, offer.GiverIsSupplier, offer.Value,
                    offeredOn, offer.Accepted, offer.SeniorApproval, offeredOn.AddDays(2), DemoAccounts.BoardSecretary.Email, isFictional: true));
            }
        }

        if (!await db.ProcurementDecisions.AnyAsync(decision => decision.IsFictional, cancellationToken))
        {
            var contract = await db.Contracts.Where(candidate => candidate.IsFictional && candidate.BodyId == body.Id).OrderBy(candidate => candidate.Id).FirstAsync(cancellationToken);
            var decision = new ProcurementDecision(body.Id, contract.Id, ProcurementRoute.CompetitiveTender, contract.StartedOn.AddMonths(-3), meetingId: null, decisionSequence: null,
                DemoAccounts.BoardSecretary.Email, isFictional: true);
            decision.RecordInterest(people[RegistersData.ProcurementInterestPerson].Id, RegistersData.ProcurementInterest, DeclarationAction.WithdrewFromDiscussionAndVote);
            db.ProcurementDecisions.Add(decision);
        }
    }
}

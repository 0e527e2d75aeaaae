using System.Globalization;

namespace KentMedwayCommissioning.Web.Domain;

/// <summary>Whether a person may be appointed to a post for a period, and whether an appointment may end on a day.</summary>
public static class AppointmentRules
{
    /// <summary>A refusal and the field of the form it belongs next to.</summary>
    public sealed record Refusal(string Field, string Message);

    /// <param name="personsOtherHoldings">The same person's appointments to the same post.</param>
    /// <param name="bodyName">The post's body, named in the message when it has ended.</param>
    /// <param name="bodyEndedOn">The body's last day, if it has one.</param>
    public static Refusal? WhyNotAppoint(DateOnly from, DateOnly? to, IReadOnlyCollection<Holding> personsOtherHoldings, string bodyName, DateOnly? bodyEndedOn)
    {
        if (to is not null && to < from)
        {
            return new Refusal("To", "The appointment must end on or after the day it starts");
        }

        if (bodyEndedOn is { } ended)
        {
            if (ended < from)
            {
                return new Refusal("From", $"{bodyName} ended on {Day(ended)}: an appointment to its posts must start by then");
            }

            if (to is null || ended < to)
            {
                return new Refusal("To", $"{bodyName} ended on {Day(ended)}: the appointment must end by then");
            }
        }

        if (personsOtherHoldings.FirstOrDefault(held => Dated.Overlap(from, to, held.From, held.To)) is { } clash)
        {
            return new Refusal("From", $"This person already holds this post ({Describe(clash.From, clash.To)}) for part of this period");
        }

        return null;
    }

    public static Refusal? WhyNotEnd(Holding appointment, DateOnly lastDay, DateOnly today)
    {
        if (appointment.To is { } ends && ends < today)
        {
            return new Refusal("LastDay", $"This appointment has already ended ({Describe(appointment.From, appointment.To)})");
        }

        if (appointment.From is { } from && lastDay < from)
        {
            return new Refusal("LastDay", $"The last day cannot be before the appointment began ({Day(from)})");
        }

        if (appointment.To is { } to && to < lastDay)
        {
            return new Refusal("LastDay", $"This appointment already ends on {Day(to)}: choose that day or an earlier one");
        }

        return null;
    }

    private static string Describe(DateOnly? from, DateOnly? to) =>
        (from, to) switch
        {
            (null, null) => "with no dates",
            ({ } start, null) => $"from {Day(start)}",
            (null, { } end) => $"until {Day(end)}",
            ({ } start, { } end) => $"{Day(start)} to {Day(end)}",
        };

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

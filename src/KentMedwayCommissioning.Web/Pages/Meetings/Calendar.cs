using KentMedwayCommissioning.Web.Domain;
using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KentMedwayCommissioning.Web.Domain.Meetings;
using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// Meetings as an iCalendar feed (RFC 5545), written by Ical.Net: <c>/meetings/calendar.ics</c>, or one body's with
/// <c>?body=slug</c>. A meeting known to the minute is a timed event of <see cref="ExpectedLength"/>; one known only to
/// its day is an all-day event; one known only to its month or year is left out.
/// </summary>
public static class Calendar
{
    public sealed record Query(string? Body) : IQuery<IReadOnlyList<Event>>;

    public sealed record Event(int Id, string Title, string BodyName, DateTimeOffset StartsAt, MeetingDatePrecision DatePrecision, string? DateAsReported, string Place);

    public sealed class QueryValidator : AbstractValidator<Query>
    {
        public QueryValidator([FromKeyedServices(ReadDb.Key)] AppDbContext db)
        {
            RuleFor(query => query.Body).MaximumLength(200).Matches("^[a-z0-9-]*$").WithMessage("Body must be a body's slug, such as west-kent-ccg");
            RuleFor(query => query.Body).MustBeAKnownBody(db);
        }
    }

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Event>>
    {
        public async ValueTask<IReadOnlyList<Event>> Handle(Query query, CancellationToken cancellationToken)
        {
            var meetings = db.Meetings.AsNoTracking();
            if (!string.IsNullOrEmpty(query.Body))
            {
                meetings = meetings.Where(meeting => meeting.Body!.Slug == query.Body);
            }

            // A meeting whose day the papers do not give has no place in a calendar: it is left out, not guessed.
            return await meetings
                .Where(meeting => meeting.DatePrecision == MeetingDatePrecision.Day || meeting.DatePrecision == MeetingDatePrecision.Time)
                .OrderBy(meeting => meeting.StartsAt)
                .Select(meeting => new Event(meeting.Id, meeting.Title, meeting.Body!.Name, meeting.StartsAt, meeting.DatePrecision, meeting.DateAsReported, meeting.Place))
                .ToListAsync(cancellationToken);
        }
    }

    public static void MapMeetingsCalendar(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenData("/meetings/calendar.ics", async (string? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        {
            var events = await sender.Send(new Query(body), cancellationToken);
            return Results.Text(Ics(events, http.RequestServices.GetRequiredService<PublicAddress>().Root, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()), "text/calendar; charset=utf-8", Encoding.UTF8);
        }, endpoint => endpoint.WithDataVersionValidators()).WithName("MeetingsCalendar").Produces<string>(contentType: "text/calendar");

    /// <summary>
    /// How long a timed meeting is shown as lasting. The app records when a meeting starts, not when it ends, and a
    /// timed event with no end is an instant to a calendar (RFC 5545 §3.6.1), which most show as nothing at all.
    /// </summary>
    public static readonly TimeSpan ExpectedLength = TimeSpan.FromHours(2);

    private static string Ics(IReadOnlyList<Event> events, string origin, DateTimeOffset writtenAt)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Kent and Medway Commissioning//Meetings//EN" };
        foreach (var meeting in events)
        {
            var id = meeting.Id.ToString(CultureInfo.InvariantCulture);
            var ics = new CalendarEvent
            {
                Uid = $"meeting-{id}@kent-medway-commissioning",
                // RFC 5545: when this calendar was written, not when the meeting is.
                DtStamp = new CalDateTime(writtenAt.UtcDateTime, CalDateTime.UtcTzId),
                Summary = $"{meeting.BodyName}: {meeting.Title}",
                Location = meeting.Place,
                Url = new Uri($"{origin}/meetings/{id}"),
            };
            if (meeting.DatePrecision == MeetingDatePrecision.Time)
            {
                ics.DtStart = new CalDateTime(meeting.StartsAt.UtcDateTime, CalDateTime.UtcTzId);
                ics.DtEnd = new CalDateTime(meeting.StartsAt.Add(ExpectedLength).UtcDateTime, CalDateTime.UtcTzId);
            }
            else
            {
                // Only the day is known: an all-day event, ending (exclusively) the next day.
                var day = UkCalendar.DayOf(meeting.StartsAt);
                ics.DtStart = new CalDateTime(day.Year, day.Month, day.Day);
                var next = day.AddDays(1);
                ics.DtEnd = new CalDateTime(next.Year, next.Month, next.Day);
            }

            if (meeting.DateAsReported is not null)
            {
                ics.Description = $"Date as reported: {meeting.DateAsReported}";
            }

            calendar.Events.Add(ics);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}

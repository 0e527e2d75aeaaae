using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Domain;
using System.Globalization;
using System.Text;
using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>Meetings as an iCalendar feed (RFC 5545): <c>/meetings/calendar.ics</c>, or one body's with <c>?body=slug</c>.</summary>
public static class Calendar
{
    public sealed record Query(string? Body) : IQuery<IReadOnlyList<Event>>;

    public sealed record Event(int Id, string Title, string BodyName, DateTimeOffset StartsAt, string? DateAsReported, string Place);

    public sealed class QueryValidator : AbstractValidator<Query>
    {
        public QueryValidator(AppDbContext db)
        {
            RuleFor(query => query.Body).MaximumLength(200).Matches("^[a-z0-9-]*$").WithMessage("Body must be a body's slug, such as west-kent-ccg");
            RuleFor(query => query.Body).MustBeAKnownBody(db);
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Event>>
    {
        public async ValueTask<IReadOnlyList<Event>> Handle(Query query, CancellationToken cancellationToken)
        {
            var meetings = db.Meetings.AsNoTracking();
            if (!string.IsNullOrEmpty(query.Body))
            {
                meetings = meetings.Where(meeting => meeting.Body!.Slug == query.Body);
            }

            return await meetings
                .OrderBy(meeting => meeting.StartsAt)
                .Select(meeting => new Event(meeting.Id, meeting.Title, meeting.Body!.Name, meeting.StartsAt, meeting.DateAsReported, meeting.Place))
                .ToListAsync(cancellationToken);
        }
    }

    public static void MapMeetingsCalendar(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenData("/meetings/calendar.ics", async (string? body, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        {
            var events = await sender.Send(new Query(body), cancellationToken);
            return Results.Text(Ics(events, http.RequestServices.GetRequiredService<PublicAddress>().Root, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()), "text/calendar; charset=utf-8", Encoding.UTF8);
        }).WithName("MeetingsCalendar");

    private static string Ics(IReadOnlyList<Event> events, string origin, DateTimeOffset writtenAt)
    {
        var ics = new StringBuilder();
        void Line(string text)
        {
            // RFC 5545 folds lines longer than 75 octets; continuation lines start with a space.
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length <= 75)
            {
                ics.Append(text).Append("\r\n");
                return;
            }

            var current = new StringBuilder();
            var length = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (length + size > 74)
                {
                    ics.Append(current).Append("\r\n ");
                    current.Clear();
                    length = 0;
                }

                current.Append(rune.ToString());
                length += size;
            }

            ics.Append(current).Append("\r\n");
        }

        static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Kent and Medway Commissioning//Meetings//EN");
        Line("CALSCALE:GREGORIAN");
        foreach (var meeting in events)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:meeting-{meeting.Id.ToString(CultureInfo.InvariantCulture)}@kent-medway-commissioning");
            // RFC 5545: when this calendar was written, not when the meeting is.
            Line($"DTSTAMP:{writtenAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
            if (meeting.DateAsReported is null)
            {
                Line($"DTSTART:{meeting.StartsAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");
            }
            else
            {
                // Only part of the date is known: an all-day entry, with the papers' own words in the description.
                Line($"DTSTART;VALUE=DATE:{UkCalendar.DayOf(meeting.StartsAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
            }

            Line($"SUMMARY:{Escape($"{meeting.BodyName}: {meeting.Title}")}");
            Line($"LOCATION:{Escape(meeting.Place)}");
            if (meeting.DateAsReported is not null)
            {
                Line($"DESCRIPTION:{Escape($"Date as reported: {meeting.DateAsReported}")}");
            }

            Line($"URL:{origin}/meetings/{meeting.Id.ToString(CultureInfo.InvariantCulture)}");
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return ics.ToString();
    }
}

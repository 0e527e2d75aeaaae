using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>A body's meetings, newest first, open to everyone; its board secretary schedules the next one here (the command authorizes itself).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(ISender sender, CurrentUser user) : PageModel
{
    public BodyMeetings Body { get; private set; } = null!;

    public bool CanRun { get; private set; }

    [BindProperty]
    public ScheduleForm Schedule { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var startsAt = Schedule.StartsAt is { } local ? UkCalendar.FromUkTime(local) : (DateTimeOffset?)null;
        var (scheduled, meetingId) = await sender.TrySendAsync(new RunMeeting.Schedule(slug, Schedule.Title ?? "", startsAt, Schedule.Place ?? ""), ModelState, nameof(Schedule), cancellationToken);
        if (!scheduled)
        {
            return Page();
        }

        TempData["Confirmation"] = "The meeting is scheduled. Add its agenda items below.";
        return Redirect($"/meetings/{meetingId}#add-item");
    }

    private async Task<bool> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var body = await sender.Send(new Query(slug), cancellationToken);
        if (body is null)
        {
            return false;
        }

        Body = body;
        CanRun = user.CanRunMeetingsOf(body.BodyId);
        return true;
    }

    public sealed class ScheduleForm
    {
        public string? Title { get; set; }
        public DateTime? StartsAt { get; set; }
        public string? Place { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<BodyMeetings?>;

    public sealed record BodyMeetings(int BodyId, string Name, string Slug, IReadOnlyList<MeetingSummary> Meetings);

    public sealed record MeetingSummary(int Id, string Title, DateTimeOffset StartsAt, string? DateAsReported, MeetingStatus Status, bool IsFictional, int Items);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, BodyMeetings?>
    {
        public async ValueTask<BodyMeetings?> Handle(Query query, CancellationToken cancellationToken)
        {
            var body = await db.Bodies.AsNoTracking().Where(body => body.Slug == query.Slug).Select(body => new { body.Id, body.Name, body.Slug }).SingleOrDefaultAsync(cancellationToken);
            if (body is null)
            {
                return null;
            }

            var meetings = await db.Meetings
                .AsNoTracking()
                .Where(meeting => meeting.BodyId == body.Id)
                .OrderByDescending(meeting => meeting.StartsAt)
                .Select(meeting => new MeetingSummary(meeting.Id, meeting.Title, meeting.StartsAt, meeting.DateAsReported, meeting.Status, meeting.IsFictional, meeting.Items.Count))
                .ToListAsync(cancellationToken);
            return new BodyMeetings(body.Id, body.Name, body.Slug, meetings);
        }
    }
}

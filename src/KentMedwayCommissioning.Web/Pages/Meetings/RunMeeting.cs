using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>What the board secretary does to run a meeting: schedule it, start and close it, record attendance, build the agenda.</summary>
public static class RunMeeting
{
    public sealed record Schedule(string BodySlug, string Title, DateTimeOffset? StartsAt, string Place) : ICommand<int>, IBodySecretaryCommand;

    public enum StatusChange
    {
        Start,
        Close,
    }

    public sealed record ChangeStatus(int MeetingId, StatusChange Change) : ICommand<Unit>, IMeetingSecretaryCommand;

    /// <summary>One member's line on the roll; late only when the secretary says so.</summary>
    public sealed record RollCall(int PersonId, AttendanceStatus Status, bool ArrivedLate);

    /// <summary>The whole roll in one go: everyone present, then the exceptions.</summary>
    public sealed record RecordRoll(int MeetingId, IReadOnlyList<RollCall> Members) : ICommand<Unit>, IMeetingSecretaryCommand;

    public sealed record RecordDeparture(int MeetingId, int PersonId) : ICommand<Unit>, IMeetingSecretaryCommand;

    public sealed record AddItem(
        int MeetingId,
        string Title,
        AgendaItemKind Kind,
        MeetingPart Part,
        string? Question,
        string? PaperTitle,
        string? PaperUrl,
        string? PaperText) : ICommand<int>, IMeetingSecretaryCommand;

    public sealed class ScheduleValidator : AbstractValidator<Schedule>
    {
        public ScheduleValidator()
        {
            RuleFor(command => command.Title).NotEmpty().WithMessage("Enter a title for the meeting").MaximumLength(200).WithMessage("The title must be 200 characters or fewer");
            RuleFor(command => command.StartsAt).NotNull().WithMessage("Enter the date and time the meeting starts");
            RuleFor(command => command.Place).NotEmpty().WithMessage("Enter where the meeting is held").MaximumLength(200).WithMessage("The place must be 200 characters or fewer");
        }
    }

    public sealed class RollValidator : AbstractValidator<RecordRoll>
    {
        public RollValidator()
        {
            RuleFor(command => command.Members)
                .NotEmpty().WithMessage("Record the attendance of at least one member")
                .Must(members => members.Select(member => member.PersonId).Distinct().Count() == members.Count).WithMessage("Each member appears once on the roll");
            RuleForEach(command => command.Members).ChildRules(member =>
            {
                member.RuleFor(call => call.Status).IsInEnum().WithMessage("Choose present, sent apologies or absent");
                member.RuleFor(call => call.ArrivedLate)
                    .Equal(false).When(call => call.Status != AttendanceStatus.Present)
                    .WithMessage("Only a member recorded as present can have arrived late");
            });
        }
    }

    public sealed class AddItemValidator : AbstractValidator<AddItem>
    {
        public AddItemValidator()
        {
            RuleFor(command => command.Title).NotEmpty().WithMessage("Enter the item's title").MaximumLength(300).WithMessage("The title must be 300 characters or fewer");
            RuleFor(command => command.Kind).IsInEnum().WithMessage("Choose whether the item is for decision, noting or information");
            RuleFor(command => command.Part).IsInEnum().WithMessage("Choose the public or the private part of the meeting");
            RuleFor(command => command.Question)
                .NotEmpty().When(command => command.Kind == AgendaItemKind.ForDecision).WithMessage("Enter the question members will vote on")
                .MaximumLength(2000).WithMessage("The question must be 2,000 characters or fewer");
            // A paper without a title of its own takes the item's title (see the handler).
            RuleFor(command => command.PaperTitle).MaximumLength(300).WithMessage("The paper's title must be 300 characters or fewer");
            RuleFor(command => command.PaperUrl)
                .Must(url => string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
                .WithMessage("Enter the paper's link as a full web address starting with https://")
                .MaximumLength(2000).WithMessage("The link must be 2,000 characters or fewer");
            RuleFor(command => command.PaperText).MaximumLength(100_000).WithMessage("The paper's text must be 100,000 characters or fewer");
            RuleFor(command => command)
                .Must(command => string.IsNullOrWhiteSpace(command.PaperTitle) || !string.IsNullOrWhiteSpace(command.PaperUrl) || !string.IsNullOrWhiteSpace(command.PaperText))
                .WithName(nameof(AddItem.PaperUrl))
                .OverridePropertyName(nameof(AddItem.PaperUrl))
                .WithMessage("Give the paper's link or paste its text");
        }
    }

    internal sealed class ScheduleHandler(AppDbContext db) : ICommandHandler<Schedule, int>
    {
        public async ValueTask<int> Handle(Schedule command, CancellationToken cancellationToken)
        {
            var body = await db.Bodies.AsNoTracking().SingleAsync(body => body.Slug == command.BodySlug, cancellationToken);
            if (body.WhyClosedOn(UkCalendar.DayOf(command.StartsAt!.Value)) is { } closed)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Schedule.StartsAt), closed)]);
            }

            var meeting = new Meeting(body.Id, command.Title.Trim(), command.StartsAt.Value, command.Place.Trim());
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            return meeting.Id;
        }
    }

    internal sealed class ChangeStatusHandler(AppDbContext db) : ICommandHandler<ChangeStatus, Unit>
    {
        public async ValueTask<Unit> Handle(ChangeStatus command, CancellationToken cancellationToken)
        {
            var meeting = await LoadAsync(db, command.MeetingId, cancellationToken);
            if (command.Change == StatusChange.Start)
            {
                meeting.Start();
            }
            else
            {
                meeting.Close();
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class RecordRollHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<RecordRoll, Unit>
    {
        public async ValueTask<Unit> Handle(RecordRoll command, CancellationToken cancellationToken)
        {
            var meeting = await LoadAsync(db, command.MeetingId, cancellationToken);
            var roll = await MeetingRoll.LoadAsync(db, command.MeetingId, cancellationToken);
            if (command.Members.FirstOrDefault(call => roll!.Members.All(member => member.PersonId != call.PersonId)) is not null)
            {
                throw new GovernanceException($"Only members of {roll!.BodyName} are on the roll.");
            }

            var now = clock.GetUtcNow();
            foreach (var call in command.Members)
            {
                meeting.RecordAttendance(call.PersonId, call.Status, now, call.ArrivedLate);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class RecordDepartureHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<RecordDeparture, Unit>
    {
        public async ValueTask<Unit> Handle(RecordDeparture command, CancellationToken cancellationToken)
        {
            var meeting = await LoadAsync(db, command.MeetingId, cancellationToken);
            meeting.RecordDeparture(command.PersonId, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class AddItemHandler(AppDbContext db) : ICommandHandler<AddItem, int>
    {
        public async ValueTask<int> Handle(AddItem command, CancellationToken cancellationToken)
        {
            var meeting = await LoadAsync(db, command.MeetingId, cancellationToken);
            var item = meeting.AddItem(command.Title.Trim(), command.Kind, command.Part, command.Kind == AgendaItemKind.ForDecision ? command.Question?.Trim() : null);
            if (NullIfBlank(command.PaperUrl) is not null || NullIfBlank(command.PaperText) is not null)
            {
                item.AttachPaper(NullIfBlank(command.PaperTitle) ?? item.Title, NullIfBlank(command.PaperUrl), NullIfBlank(command.PaperText));
            }

            await db.SaveChangesAsync(cancellationToken);
            return item.Number;
        }

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// Locks the meeting's row for the command's transaction. Every change to a meeting or to its items' votes takes
    /// this lock before the item's, one order for all, so closing the meeting and opening a vote never pass each other.
    /// </summary>
    internal static async Task LockAsync(AppDbContext db, int meetingId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM meetings WHERE id = {meetingId} FOR NO KEY UPDATE", cancellationToken);

    private static async Task<Meeting> LoadAsync(AppDbContext db, int meetingId, CancellationToken cancellationToken)
    {
        await LockAsync(db, meetingId, cancellationToken);
        return await db.Meetings
            .Include(meeting => meeting.Items)
            .Include(meeting => meeting.Attendances)
            .SingleOrDefaultAsync(meeting => meeting.Id == meetingId, cancellationToken)
            ?? throw new NotFoundException($"There is no meeting {meetingId}.");
    }
}

using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// The secretary drafts a closed meeting's minutes (their words for each item; the record itself comes from the meeting)
/// and a later meeting of the body approves them, which publishes them (<see cref="Minutes"/>).
/// </summary>
public static class WriteMinutes
{
    /// <param name="Notes">The secretary's words by item number; an empty one removes that item's words.</param>
    public sealed record SaveDraft(int MeetingId, IReadOnlyDictionary<int, string?> Notes) : ICommand<Unit>, IMeetingSecretaryCommand;

    public sealed record Approve(int MeetingId, int? AtMeetingId, string? Amendments) : ICommand<int>, IMeetingSecretaryCommand;

    public sealed class SaveDraftValidator : AbstractValidator<SaveDraft>
    {
        public SaveDraftValidator() =>
            RuleForEach(command => command.Notes)
                .Must(note => (note.Value ?? string.Empty).Length <= 20_000)
                .WithMessage("The minute of an item must be 20,000 characters or fewer");
    }

    public sealed class ApproveValidator : AbstractValidator<Approve>
    {
        public ApproveValidator()
        {
            RuleFor(command => command.AtMeetingId).NotNull().WithMessage("Choose the meeting that approves the minutes");
            RuleFor(command => command.Amendments).MaximumLength(4000).WithMessage("The amendments must be 4,000 characters or fewer");
        }
    }

    internal sealed class SaveDraftHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<SaveDraft, Unit>
    {
        public async ValueTask<Unit> Handle(SaveDraft command, CancellationToken cancellationToken)
        {
            await RunMeeting.LockAsync(db, command.MeetingId, cancellationToken);
            var meeting = await db.Meetings.Include(candidate => candidate.Items).SingleAsync(candidate => candidate.Id == command.MeetingId, cancellationToken);
            var minutes = await db.Minutes.Include(candidate => candidate.Notes).SingleOrDefaultAsync(candidate => candidate.MeetingId == command.MeetingId, cancellationToken);
            if (minutes is null)
            {
                minutes = new Minutes(meeting, clock.GetUtcNow(), user.Name);
                db.Minutes.Add(minutes);
            }

            foreach (var (number, text) in command.Notes)
            {
                var item = meeting.Items.SingleOrDefault(candidate => candidate.Number == number)
                    ?? throw new GovernanceException($"The meeting has no item {number}.");
                minutes.Write(item.Id, text);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class ApproveHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<Approve, int>
    {
        public async ValueTask<int> Handle(Approve command, CancellationToken cancellationToken)
        {
            var at = command.AtMeetingId!.Value;
            // Both meetings locked lower id first, so two commands that take the same two never wait on each other.
            foreach (var id in new[] { command.MeetingId, at }.Distinct().Order())
            {
                await RunMeeting.LockAsync(db, id, cancellationToken);
            }

            var minutes = await db.Minutes.SingleOrDefaultAsync(candidate => candidate.MeetingId == command.MeetingId, cancellationToken)
                ?? throw new GovernanceException("There are no draft minutes of this meeting yet: write them first.");
            var minuted = await db.Meetings.SingleAsync(meeting => meeting.Id == command.MeetingId, cancellationToken);
            var approving = await db.Meetings.Include(meeting => meeting.Items).SingleOrDefaultAsync(meeting => meeting.Id == at, cancellationToken)
                ?? throw new GovernanceException("Minutes are approved by a later meeting of the same body.");
            var roll = await MeetingRoll.LoadAsync(db, approving.Id, cancellationToken);
            var item = minutes.Approve(minuted, approving, roll!.MeetingQuorum(), command.Amendments, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return item.Number;
        }
    }
}

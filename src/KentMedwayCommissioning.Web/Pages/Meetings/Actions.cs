using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>
/// The action log: the secretary records an action arising from an item (who, what, by when) and later meetings review
/// it, done or carried forward (<see cref="ActionPoint"/>). The log itself is read on the body's action log page.
/// </summary>
public static class Actions
{
    public sealed record Add(int MeetingId, int ItemNumber, string? Description, string? Owner, DateOnly? DueOn) : ICommand<int>, IMeetingSecretaryCommand;

    public sealed record Review(string BodySlug, int ActionId, ActionStatus? Status, DateOnly? NewDueOn, string? Note) : ICommand<Unit>, IBodySecretaryCommand;

    public sealed class AddValidator : AbstractValidator<Add>
    {
        public AddValidator()
        {
            RuleFor(command => command.Description)
                .NotEmpty().WithMessage("Say what is to be done")
                .MaximumLength(2000).WithMessage("The action must be 2,000 characters or fewer");
            RuleFor(command => command.Owner)
                .NotEmpty().WithMessage("Say who is to do it")
                .MaximumLength(200).WithMessage("The owner must be 200 characters or fewer");
            RuleFor(command => command.DueOn).NotNull().WithMessage("Enter the date it is due");
        }
    }

    public sealed class ReviewValidator : AbstractValidator<Review>
    {
        public ReviewValidator()
        {
            RuleFor(command => command.Status)
                .NotNull().WithMessage("Choose done or carried forward")
                .Must(status => status is null or ActionStatus.Done or ActionStatus.CarriedForward).WithMessage("Choose done or carried forward");
            RuleFor(command => command.NewDueOn)
                .NotNull().When(command => command.Status == ActionStatus.CarriedForward).WithMessage("Enter the new due date of an action carried forward");
            RuleFor(command => command.Note).MaximumLength(2000).WithMessage("The note must be 2,000 characters or fewer");
        }
    }

    internal sealed class AddHandler(AppDbContext db) : ICommandHandler<Add, int>
    {
        public async ValueTask<int> Handle(Add command, CancellationToken cancellationToken)
        {
            var item = await db.AgendaItems.SingleOrDefaultAsync(item => item.MeetingId == command.MeetingId && item.Number == command.ItemNumber, cancellationToken)
                ?? throw new NotFoundException($"Meeting {command.MeetingId} has no item {command.ItemNumber}.");
            var action = new ActionPoint(item, command.Description!, command.Owner!, command.DueOn!.Value);
            db.Actions.Add(action);
            await db.SaveChangesAsync(cancellationToken);
            return action.Id;
        }
    }

    internal sealed class ReviewHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<Review, Unit>
    {
        public async ValueTask<Unit> Handle(Review command, CancellationToken cancellationToken)
        {
            // Only an action of the body the authorization behaviour checked.
            var action = await db.Actions.SingleOrDefaultAsync(action => action.Id == command.ActionId && action.AgendaItem!.Meeting.Body!.Slug == command.BodySlug, cancellationToken)
                ?? throw new NotFoundException($"The action log of {command.BodySlug} has no action {command.ActionId}.");
            action.Review(command.Status!.Value, command.NewDueOn, command.Note, UkCalendar.Today(clock));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public sealed record ActionView(int Id, int MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, int ItemNumber, string ItemTitle, string Description, string Owner, DateOnly DueOn, ActionStatus Status, string? ReviewNote, DateOnly? ReviewedOn, bool IsOverdue);

    /// <summary>A body's actions, oldest meeting first; those of private-part items only when <paramref name="WithPrivatePart"/>.</summary>
    public sealed record LogQuery(int BodyId, bool WithPrivatePart) : IQuery<IReadOnlyList<ActionView>>;

    /// <summary>An item's actions, for its page (which is itself hidden from those who may not see a private item).</summary>
    public sealed record ItemQuery(int MeetingId, int ItemNumber) : IQuery<IReadOnlyList<ActionView>>;

    /// <summary>Overdue actions of the bodies whose meetings the signed-in user runs, for their dashboard.</summary>
    public sealed record OverdueQuery : IQuery<IReadOnlyList<ActionView>>;

    internal sealed class LogHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<LogQuery, IReadOnlyList<ActionView>>
    {
        public ValueTask<IReadOnlyList<ActionView>> Handle(LogQuery query, CancellationToken cancellationToken) =>
            ListAsync(db.Actions.Where(action => action.AgendaItem!.Meeting.BodyId == query.BodyId
                                                 && (query.WithPrivatePart || action.AgendaItem.Part == MeetingPart.Public)), clock, cancellationToken);
    }

    internal sealed class ItemHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ItemQuery, IReadOnlyList<ActionView>>
    {
        public ValueTask<IReadOnlyList<ActionView>> Handle(ItemQuery query, CancellationToken cancellationToken) =>
            ListAsync(db.Actions.Where(action => action.AgendaItem!.MeetingId == query.MeetingId && action.AgendaItem.Number == query.ItemNumber), clock, cancellationToken);
    }

    internal sealed class OverdueHandler(AppDbContext db, TimeProvider clock, CurrentUser user) : IQueryHandler<OverdueQuery, IReadOnlyList<ActionView>>
    {
        public async ValueTask<IReadOnlyList<ActionView>> Handle(OverdueQuery query, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var bodies = await db.Bodies.Select(body => body.Id).ToListAsync(cancellationToken);
            var mine = bodies.Where(user.CanRunMeetingsOf).ToList();
            return await ListAsync(
                db.Actions.Where(action => action.Status != ActionStatus.Done && action.DueOn < today && mine.Contains(action.AgendaItem!.Meeting.BodyId)), clock, cancellationToken);
        }
    }

    private static async ValueTask<IReadOnlyList<ActionView>> ListAsync(IQueryable<ActionPoint> actions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = UkCalendar.Today(clock);
        var rows = await actions
            .AsNoTracking()
            .OrderBy(action => action.AgendaItem!.Meeting.StartsAt)
            .ThenBy(action => action.AgendaItem!.Number)
            .ThenBy(action => action.Id)
            .Select(action => new
            {
                action.Id,
                action.AgendaItem!.MeetingId,
                MeetingTitle = action.AgendaItem.Meeting.Title,
                action.AgendaItem.Meeting.StartsAt,
                action.AgendaItem.Number,
                ItemTitle = action.AgendaItem.Title,
                action.Description,
                action.Owner,
                action.DueOn,
                action.Status,
                action.ReviewNote,
                action.ReviewedOn,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(row => new ActionView(row.Id, row.MeetingId, row.MeetingTitle, row.StartsAt, row.Number, row.ItemTitle, row.Description, row.Owner, row.DueOn,
            row.Status, row.ReviewNote, row.ReviewedOn, ActionPoint.IsOverdue(row.Status, row.DueOn, today))).ToList();
    }
}

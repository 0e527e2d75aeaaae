using FluentValidation;
using FluentValidation.Results;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Bodies;

/// <summary>
/// The seats on a body's governing body, past and present, and a form to add one. A seat is dated, so a new seat never
/// changes who sat on the body at an earlier meeting (the roll reads the seats as of the meeting's day). A seat is
/// ended, never edited: its last day and the reason go into the seat's history, and the day may not be in the past.
/// </summary>
[Authorize(Roles = $"{Roles.Administrator},{Roles.BoardSecretary}")]
public sealed class SeatsModel(ISender sender, CurrentUser user, TimeProvider clock) : PageModel
{
    public BodySeats Seats { get; private set; } = null!;

    public DateOnly Today => UkCalendar.Today(clock);

    [BindProperty]
    public SeatForm Input { get; set; } = new();

    [BindProperty]
    public EndSeatForm Ending { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await ShowAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new AddSeat(slug, Input.PersonSlug ?? "", Input.Role, Input.Background, Input.HasVote, Input.From, Input.To);
        var (added, _) = await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken);
        if (!added)
        {
            return Page();
        }

        TempData["Confirmation"] = "The seat has been added.";
        return Redirect($"/bodies/{slug}/seats");
    }

    public async Task<IActionResult> OnPostEndAsync(string slug, CancellationToken cancellationToken)
    {
        if (await ShowAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new EndSeat(slug, Ending.SeatId, Ending.EndsOn, Ending.Reason ?? "");
        var (ended, _) = await sender.TrySendAsync(command, ModelState, nameof(Ending), cancellationToken);
        if (!ended)
        {
            return Page();
        }

        TempData["Confirmation"] = "The seat's last day has been recorded.";
        return Redirect($"/bodies/{slug}/seats");
    }

    private async Task<IActionResult?> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var seats = await sender.Send(new Query(slug), cancellationToken);
        if (seats is null)
        {
            return NotFound();
        }

        if (!user.CanRunMeetingsOf(seats.BodyId))
        {
            return Forbid();
        }

        Seats = seats;
        return null;
    }

    public sealed class SeatForm
    {
        public string? PersonSlug { get; set; }
        public MemberRole? Role { get; set; }
        public MemberBackground? Background { get; set; }
        public bool HasVote { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
    }

    public sealed class EndSeatForm
    {
        public int? SeatId { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<BodySeats?>;

    public sealed record BodySeats(int BodyId, string BodyName, string BodySlug, IReadOnlyList<SeatRow> Seats, IReadOnlyList<PersonChoice> People, IReadOnlyList<ChangeRow> Changes)
    {
        /// <summary>The seats that can still be ended: those not over before today.</summary>
        public IEnumerable<SeatRow> Endable(DateOnly today) => Seats.Where(seat => seat.To is null || today <= seat.To);
    }

    public sealed record ChangeRow(string PersonName, MemberRole Role, string Change, DateOnly EffectiveOn, string Reason);

    public sealed record SeatRow(int Id, string PersonName, string PersonSlug, bool IsFictional, MemberRole Role, MemberBackground Background, bool HasVote, DateOnly? From, DateOnly? To);

    public sealed record PersonChoice(string Name, string Slug);

    public sealed record AddSeat(string BodySlug, string PersonSlug, MemberRole? Role, MemberBackground? Background, bool HasVote, DateOnly? From, DateOnly? To)
        : ICommand<int>, IBodySecretaryCommand;

    public sealed record EndSeat(string BodySlug, int? SeatId, DateOnly? EndsOn, string Reason) : ICommand<Unit>, IBodySecretaryCommand;

    public sealed class EndSeatValidator : AbstractValidator<EndSeat>
    {
        public EndSeatValidator()
        {
            RuleFor(command => command.SeatId).NotNull().WithMessage("Choose the seat that ends");
            RuleFor(command => command.EndsOn).NotNull().WithMessage("Enter the seat's last day");
            RuleFor(command => command.Reason)
                .NotEmpty().WithMessage("Say why the seat ends: it is kept in the seat's history")
                .MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");
        }
    }

    public sealed class AddSeatValidator : AbstractValidator<AddSeat>
    {
        public AddSeatValidator()
        {
            RuleFor(command => command.PersonSlug).NotEmpty().WithMessage("Choose the person who holds the seat").MaximumLength(200);
            RuleFor(command => command.Role).NotNull().WithMessage("Choose the seat").IsInEnum();
            RuleFor(command => command.Background).NotNull().WithMessage("Choose what the member brings to the quorum").IsInEnum();
            RuleFor(command => command.From).NotNull().WithMessage("Enter the day the seat starts");
            RuleFor(command => command.To)
                .GreaterThanOrEqualTo(command => command.From)
                .When(command => command.From is not null && command.To is not null)
                .WithMessage("The seat must end on or after the day it starts");
        }
    }

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, BodySeats?>
    {
        public async ValueTask<BodySeats?> Handle(Query query, CancellationToken cancellationToken)
        {
            var body = await db.Bodies.AsNoTracking()
                .Where(body => body.Slug == query.Slug)
                .Select(body => new { body.Id, body.Name, body.Slug })
                .SingleOrDefaultAsync(cancellationToken);
            if (body is null)
            {
                return null;
            }

            var seats = await db.Memberships.AsNoTracking()
                .Where(membership => membership.BodyId == body.Id)
                .OrderBy(membership => membership.Role).ThenBy(membership => membership.Person.FullName).ThenBy(membership => membership.From)
                .Select(membership => new SeatRow(membership.Id, membership.Person.FullName, membership.Person.Slug, membership.Person.IsFictional, membership.Role, membership.Background, membership.HasVote, membership.From, membership.To))
                .ToListAsync(cancellationToken);
            var people = await db.People.AsNoTracking()
                .OrderBy(person => person.FullName)
                .Select(person => new PersonChoice(person.FullName, person.Slug))
                .ToListAsync(cancellationToken);
            var changes = await db.SeatChanges.AsNoTracking()
                .Where(change => change.Membership.BodyId == body.Id)
                .OrderByDescending(change => change.RecordedAt)
                .Select(change => new ChangeRow(change.Membership.Person.FullName, change.Membership.Role, change.Change, change.EffectiveOn, change.Reason))
                .ToListAsync(cancellationToken);
            return new BodySeats(body.Id, body.Name, body.Slug, seats, people, changes);
        }
    }

    internal sealed class AddSeatHandler(AppDbContext db) : ICommandHandler<AddSeat, int>
    {
        public async ValueTask<int> Handle(AddSeat command, CancellationToken cancellationToken)
        {
            var body = await db.Bodies.SingleAsync(body => body.Slug == command.BodySlug, cancellationToken);
            var person = await db.People.SingleOrDefaultAsync(person => person.Slug == command.PersonSlug, cancellationToken)
                ?? throw Refused(nameof(AddSeat.PersonSlug), "Choose a person from the list");

            // Under the body's row lock, so two secretaries adding overlapping seats at once cannot both pass the check.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM bodies WHERE id = {body.Id} FOR UPDATE", cancellationToken);
            var held = await db.Memberships.AsNoTracking()
                .Where(membership => membership.BodyId == body.Id && membership.PersonId == person.Id)
                .Select(membership => new SeatRules.Period(membership.Role, membership.HasVote, membership.From, membership.To))
                .ToListAsync(cancellationToken);
            var seat = new SeatRules.Period(command.Role!.Value, command.HasVote, command.From, command.To);
            if (body.WhyClosedOn(command.From!.Value) is { } closed)
            {
                throw Refused(nameof(AddSeat.From), closed);
            }

            if (SeatRules.WhyNotAdd(seat, held, body.Rule) is { } refusal)
            {
                throw Refused(refusal.Field, refusal.Message);
            }

            var membership = new Membership(body, person, seat.Role, command.Background!.Value, seat.HasVote, seat.From, seat.To);
            db.Memberships.Add(membership);
            await db.SaveChangesAsync(cancellationToken);
            return membership.Id;
        }

        private static ValidationException Refused(string field, string message) => new([new ValidationFailure(field, message)]);
    }

    internal sealed class EndSeatHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<EndSeat, Unit>
    {
        public async ValueTask<Unit> Handle(EndSeat command, CancellationToken cancellationToken)
        {
            // Under the seat's row lock, so two ends sent at once are checked one after the other.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM memberships WHERE id = {command.SeatId} FOR UPDATE", cancellationToken);
            var seat = await db.Memberships
                .SingleOrDefaultAsync(membership => membership.Id == command.SeatId && membership.Body.Slug == command.BodySlug, cancellationToken)
                ?? throw new ValidationException([new ValidationFailure(nameof(EndSeat.SeatId), "Choose a seat on this body from the list")]);
            var lastDay = command.EndsOn!.Value;
            var others = await db.Memberships.AsNoTracking()
                .Where(membership => membership.BodyId == seat.BodyId && membership.PersonId == seat.PersonId && membership.Id != seat.Id)
                .Select(membership => new SeatRules.Period(membership.Role, membership.HasVote, membership.From, membership.To))
                .ToListAsync(cancellationToken);
            var rule = await db.Bodies.Where(body => body.Id == seat.BodyId).Select(body => body.Rule).SingleAsync(cancellationToken);
            if (SeatRules.WhyNotEnd(new SeatRules.Period(seat.Role, seat.HasVote, seat.From, seat.To), lastDay, UkCalendar.Today(clock), others, rule) is { } refusal)
            {
                throw new ValidationException([new ValidationFailure(refusal.Field, refusal.Message)]);
            }

            seat.End(lastDay);
            db.SeatChanges.Add(new SeatChange(seat, "Ended", lastDay, command.Reason, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

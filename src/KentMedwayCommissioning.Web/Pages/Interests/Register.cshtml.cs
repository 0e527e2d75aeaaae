using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Interests;

/// <summary>
/// A person's standing register of interests, and the gifts and hospitality they were offered, kept by the person
/// themselves, the board secretary of a body they sit on, or an administrator. Declarations at meetings are made on
/// the agenda item; this is what the person holds all year round. The published registers are under /registers.
/// </summary>
public sealed partial class RegisterModel(ISender sender, TimeProvider clock) : PageModel
{
    public PersonInterests Person { get; private set; } = null!;

    [BindProperty]
    public InterestForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await ShowAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new AddInterest(slug, Input.Kind, Input.Description, Input.Touches, Input.From, Input.To, Input.Management);
        var (added, _) = await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken);
        if (!added)
        {
            return Page();
        }

        TempData["Confirmation"] = "The interest is on the register.";
        return Redirect($"/people/{slug}/interests");
    }

    public async Task<IActionResult> OnPostEndAsync(string slug, int interestId, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var today = UkCalendar.Today(clock);
        var (ended, _) = await sender.TrySendAsync(new EndInterest(slug, interestId, today), ModelState, "End", cancellationToken);
        if (!ended)
        {
            return Page();
        }

        TempData["Confirmation"] = "The interest is recorded as ended today.";
        return Redirect($"/people/{slug}/interests");
    }

    public async Task<IActionResult> OnPostManageAsync(string slug, int interestId, string? management, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var (recorded, _) = await sender.TrySendAsync(new RecordManagement(slug, interestId, management), ModelState, "Manage", cancellationToken);
        if (!recorded)
        {
            return Page();
        }

        TempData["Confirmation"] = "The action taken to manage the interest is recorded.";
        return Redirect($"/people/{slug}/interests");
    }

    public async Task<IActionResult> OnPostConfirmAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var (confirmed, _) = await sender.TrySendAsync(new ConfirmInterests(slug), ModelState, "Confirm", cancellationToken);
        if (!confirmed)
        {
            return Page();
        }

        TempData["Confirmation"] = "Your declaration is recorded: the register is complete and correct today.";
        return Redirect($"/people/{slug}/interests");
    }

    private async Task<bool> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        var person = await sender.Send(new Query(slug), cancellationToken);
        if (person is null)
        {
            return false;
        }

        Person = person;
        return true;
    }

    public sealed class InterestForm
    {
        public InterestKind? Kind { get; set; }
        public string? Description { get; set; }
        public string? Touches { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Management { get; set; }
    }

    public sealed record Query(string Slug) : IQuery<PersonInterests?>;

    public sealed record PersonInterests(
        string FullName,
        string Slug,
        bool CanKeep,
        DateOnly? DeclaredOn,
        bool IsReviewOverdue,
        IReadOnlyList<InterestRow> Interests,
        IReadOnlyList<OfferRow> Offers);

    public sealed record InterestRow(int Id, InterestKind Kind, string Description, string? Touches, DateOnly? From, DateOnly? To, DateOnly DeclaredOn, string? Management)
    {
        public bool IsDeclaredLate => ConflictsOfInterestGuidance.IsDeclaredLate(From, DeclaredOn);
    }

    public sealed record AddInterest(string PersonSlug, InterestKind? Kind, string? Description, string? Touches, DateOnly? From, DateOnly? To, string? Management = null) : ICommand<int>, IInterestRegisterCommand;

    public sealed record RecordManagement(string PersonSlug, int InterestId, string? Management) : ICommand<Unit>, IInterestRegisterCommand;

    public sealed class RecordManagementValidator : AbstractValidator<RecordManagement>
    {
        public RecordManagementValidator() =>
            RuleFor(command => command.Management)
                .NotEmpty().WithMessage("Describe the action taken to manage the interest")
                .MaximumLength(1000).WithMessage("The action taken must be 1,000 characters or fewer");
    }

    /// <summary>The person declares that their register is complete and correct: the yearly reminder starts again.</summary>
    public sealed record ConfirmInterests(string PersonSlug) : ICommand<Unit>, IInterestRegisterCommand;


    public sealed record EndInterest(string PersonSlug, int InterestId, DateOnly On) : ICommand<Unit>, IInterestRegisterCommand;

    public sealed class AddInterestValidator : AbstractValidator<AddInterest>
    {
        public AddInterestValidator()
        {
            RuleFor(command => command.Kind).NotNull().WithMessage("Choose the kind of interest").IsInEnum();
            RuleFor(command => command.Description)
                .NotEmpty().WithMessage("Describe the interest")
                .MaximumLength(2000).WithMessage("The description must be 2,000 characters or fewer");
            RuleFor(command => command.Touches).MaximumLength(500).WithMessage("This must be 500 characters or fewer");
            RuleFor(command => command.Management).MaximumLength(1000).WithMessage("The action taken must be 1,000 characters or fewer");
            RuleFor(command => command.To)
                .GreaterThanOrEqualTo(command => command.From)
                .When(command => command.From is not null && command.To is not null)
                .WithMessage("The interest cannot end before it begins");
        }
    }

    internal sealed class QueryHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : IQueryHandler<Query, PersonInterests?>
    {
        public async ValueTask<PersonInterests?> Handle(Query query, CancellationToken cancellationToken)
        {
            var person = await db.People.AsNoTracking().Where(person => person.Slug == query.Slug).Select(person => new { person.Id, person.FullName, person.Slug, person.InterestsDeclaredOn }).SingleOrDefaultAsync(cancellationToken);
            if (person is null)
            {
                return null;
            }

            var interests = await db.Interests
                .AsNoTracking()
                .Where(interest => interest.PersonId == person.Id)
                .OrderByDescending(interest => interest.DeclaredOn)
                .ThenByDescending(interest => interest.Id)
                .Select(interest => new InterestRow(interest.Id, interest.Kind, interest.Description, interest.Touches, interest.From, interest.To, interest.DeclaredOn, interest.Management))
                .ToListAsync(cancellationToken);
            var offers = await db.GiftsAndHospitality
                .AsNoTracking()
                .Where(offer => offer.PersonId == person.Id)
                .OrderByDescending(offer => offer.OfferedOn)
                .ThenByDescending(offer => offer.Id)
                .Select(offer => new OfferRow(offer.Id, offer.Kind, offer.Description, offer.Giver, offer.GiverIsSupplier, offer.Value, offer.OfferedOn, offer.Accepted, offer.SeniorApproval))
                .ToListAsync(cancellationToken);
            var today = UkCalendar.Today(clock);
            return new PersonInterests(
                person.FullName,
                person.Slug,
                await InterestKeepers.MayKeepAsync(db, user, person.Id, today, cancellationToken),
                person.InterestsDeclaredOn,
                ConflictsOfInterestGuidance.IsReviewOverdue(person.InterestsDeclaredOn, today),
                interests,
                offers);
        }
    }

    internal sealed class AddInterestHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<AddInterest, int>
    {
        public async ValueTask<int> Handle(AddInterest command, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var personId = await InterestKeepers.RequireKeeperAsync(db, user, command.PersonSlug, today, cancellationToken);
            var interest = new Interest(personId, command.Kind!.Value, command.Description!, command.Touches, command.From, command.To, today, command.Management);
            db.Interests.Add(interest);
            (await db.People.SingleAsync(person => person.Id == personId, cancellationToken)).DeclareInterests(today);
            await db.SaveChangesAsync(cancellationToken);
            return interest.Id;
        }
    }

    internal sealed class EndInterestHandler(AppDbContext db, CurrentUser user) : ICommandHandler<EndInterest, Unit>
    {
        public async ValueTask<Unit> Handle(EndInterest command, CancellationToken cancellationToken)
        {
            var personId = await InterestKeepers.RequireKeeperAsync(db, user, command.PersonSlug, command.On, cancellationToken);
            var interest = await db.Interests.SingleOrDefaultAsync(interest => interest.Id == command.InterestId && interest.PersonId == personId, cancellationToken)
                ?? throw new NotFoundException("That interest is not on this person's register.");
            interest.End(command.On);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class RecordManagementHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<RecordManagement, Unit>
    {
        public async ValueTask<Unit> Handle(RecordManagement command, CancellationToken cancellationToken)
        {
            var personId = await InterestKeepers.RequireKeeperAsync(db, user, command.PersonSlug, UkCalendar.Today(clock), cancellationToken);
            var interest = await db.Interests.SingleOrDefaultAsync(interest => interest.Id == command.InterestId && interest.PersonId == personId, cancellationToken)
                ?? throw new NotFoundException("That interest is not on this person's register.");
            interest.RecordManagement(command.Management!);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class ConfirmInterestsHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<ConfirmInterests, Unit>
    {
        public async ValueTask<Unit> Handle(ConfirmInterests command, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var personId = await InterestKeepers.RequireKeeperAsync(db, user, command.PersonSlug, today, cancellationToken);
            (await db.People.SingleAsync(person => person.Id == personId, cancellationToken)).DeclareInterests(today);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

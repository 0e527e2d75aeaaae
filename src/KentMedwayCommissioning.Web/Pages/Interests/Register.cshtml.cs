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
public sealed class RegisterModel(ISender sender, TimeProvider clock) : PageModel
{
    public PersonInterests Person { get; private set; } = null!;

    [BindProperty]
    public InterestForm Input { get; set; } = new();

    [BindProperty]
    public OfferForm Offer { get; set; } = new();

    /// <summary>What the rules say about the offer in the form, once the person has asked.</summary>
    public OfferAssessment? OfferCheck { get; private set; }

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

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var (ended, _) = await sender.TrySendAsync(new EndInterest(slug, interestId, today), ModelState, "End", cancellationToken);
        if (!ended)
        {
            return Page();
        }

        TempData["Confirmation"] = "The interest is recorded as ended today.";
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

    /// <summary>Tells the person what the rules say about an offer, without recording it.</summary>
    public async Task<IActionResult> OnPostCheckOfferAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Offer.Kind is { } kind && Offer.Value is { } value and >= 0)
        {
            OfferCheck = GiftsAndHospitalityRules.Assess(kind, value, Offer.GiverIsSupplier);
        }
        else
        {
            ModelState.AddModelError($"{nameof(Offer)}.{nameof(Offer.Kind)}", "Choose gift or hospitality, and enter its value, to see what the rules say");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRecordOfferAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await ShowAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var command = new RecordOffer(slug, Offer.Kind, Offer.Description, Offer.Giver, Offer.GiverIsSupplier, Offer.Value, Offer.OfferedOn, Offer.Accepted, Offer.SeniorApproval);
        var (recorded, assessment) = await sender.TrySendAsync(command, ModelState, nameof(Offer), cancellationToken);
        if (!recorded)
        {
            return Page();
        }

        TempData["Confirmation"] = $"{assessment!.Summary}. {assessment.Reason} "
            + (assessment.GoesOnRegister ? "It is on the register of gifts and hospitality." : "It is recorded here but not published.");
        return Redirect($"/people/{slug}/interests#gifts-and-hospitality");
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

    public sealed class OfferForm
    {
        public OfferKind? Kind { get; set; }
        public string? Description { get; set; }
        public string? Giver { get; set; }
        public bool GiverIsSupplier { get; set; }
        public decimal? Value { get; set; }
        public DateOnly? OfferedOn { get; set; }
        public bool? Accepted { get; set; }
        public string? SeniorApproval { get; set; }
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

    public sealed record OfferRow(int Id, OfferKind Kind, string Description, string Giver, bool GiverIsSupplier, decimal Value, DateOnly OfferedOn, bool Accepted, string? SeniorApproval)
    {
        public OfferAssessment Assessment => GiftsAndHospitalityRules.Assess(Kind, Value, GiverIsSupplier);
    }

    public sealed record AddInterest(string PersonSlug, InterestKind? Kind, string? Description, string? Touches, DateOnly? From, DateOnly? To, string? Management = null) : ICommand<int>;

    /// <summary>The person declares that their register is complete and correct: the yearly reminder starts again.</summary>
    public sealed record ConfirmInterests(string PersonSlug) : ICommand<Unit>;

    public sealed record RecordOffer(
        string PersonSlug,
        OfferKind? Kind,
        string? Description,
        string? Giver,
        bool GiverIsSupplier,
        decimal? Value,
        DateOnly? OfferedOn,
        bool? Accepted,
        string? SeniorApproval) : ICommand<OfferAssessment>;

    public sealed record EndInterest(string PersonSlug, int InterestId, DateOnly On) : ICommand<Unit>;

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

    public sealed class RecordOfferValidator : AbstractValidator<RecordOffer>
    {
        public RecordOfferValidator()
        {
            RuleFor(command => command.Kind).NotNull().WithMessage("Choose gift or hospitality").IsInEnum();
            RuleFor(command => command.Description)
                .NotEmpty().WithMessage("Describe what was offered")
                .MaximumLength(2000).WithMessage("The description must be 2,000 characters or fewer");
            RuleFor(command => command.Giver)
                .NotEmpty().WithMessage("Enter who offered it")
                .MaximumLength(300).WithMessage("This must be 300 characters or fewer");
            RuleFor(command => command.Value)
                .NotNull().WithMessage("Enter its value in pounds, your best estimate")
                .InclusiveBetween(0m, 1_000_000m).WithMessage("Enter a value from £0 to £1,000,000");
            RuleFor(command => command.OfferedOn).NotNull().WithMessage("Enter the date it was offered");
            RuleFor(command => command.Accepted).NotNull().WithMessage("Say whether it was accepted or declined");
            RuleFor(command => command.SeniorApproval).MaximumLength(300).WithMessage("This must be 300 characters or fewer");
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
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
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
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
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

    internal sealed class ConfirmInterestsHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<ConfirmInterests, Unit>
    {
        public async ValueTask<Unit> Handle(ConfirmInterests command, CancellationToken cancellationToken)
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            var personId = await InterestKeepers.RequireKeeperAsync(db, user, command.PersonSlug, today, cancellationToken);
            (await db.People.SingleAsync(person => person.Id == personId, cancellationToken)).DeclareInterests(today);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    internal sealed class RecordOfferHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<RecordOffer, OfferAssessment>
    {
        public async ValueTask<OfferAssessment> Handle(RecordOffer command, CancellationToken cancellationToken)
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            var personId = await InterestKeepers.RequireKeeperAsync(db, user, command.PersonSlug, today, cancellationToken);
            var offer = new GiftOrHospitality(personId, command.Kind!.Value, command.Description!, command.Giver!, command.GiverIsSupplier, command.Value!.Value,
                command.OfferedOn!.Value, command.Accepted!.Value, command.SeniorApproval, today, user.Name);
            db.GiftsAndHospitality.Add(offer);
            await db.SaveChangesAsync(cancellationToken);
            return offer.Assessment;
        }
    }
}

/// <summary>Who keeps a person's register: the person, the board secretary of a body they sit on, or an administrator.</summary>
internal static class InterestKeepers
{
    public static async Task<bool> MayKeepAsync(AppDbContext db, CurrentUser user, int personId, DateOnly today, CancellationToken cancellationToken)
    {
        if (user.PersonId == personId || user.IsAdministrator)
        {
            return true;
        }

        var bodies = await db.Memberships
            .Where(membership => membership.PersonId == personId && (membership.To == null || membership.To >= today))
            .Select(membership => membership.BodyId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return bodies.Any(user.CanRunMeetingsOf);
    }

    public static async Task<int> RequireKeeperAsync(AppDbContext db, CurrentUser user, string personSlug, DateOnly today, CancellationToken cancellationToken)
    {
        var personId = await db.People.Where(person => person.Slug == personSlug).Select(person => (int?)person.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"There is no person '{personSlug}'.");
        return await MayKeepAsync(db, user, personId, today, cancellationToken)
            ? personId
            : throw new ForbiddenException("Only the person, the board secretary of a body they sit on, or an administrator keeps this register.");
    }
}

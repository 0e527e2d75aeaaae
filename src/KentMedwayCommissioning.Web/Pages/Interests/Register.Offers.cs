using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Registers;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace KentMedwayCommissioning.Web.Pages.Interests;

/// <summary>
/// Gifts and hospitality on the person's register: the form says what the rules make of an offer (decline, accept, or
/// accept and declare) before or as it is recorded. The published register is /registers/gifts-and-hospitality.
/// </summary>
public sealed partial class RegisterModel
{
    [BindProperty]
    public OfferForm Offer { get; set; } = new();

    /// <summary>What the rules say about the offer in the form, once the person has asked.</summary>
    public OfferAssessment? OfferCheck { get; private set; }

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

    public sealed class OfferForm
    {
        public OfferKind? Kind { get; set; }
        public string? Description { get; set; }
        public string? Giver { get; set; }
        public bool GiverIsSupplier { get; set; }
        [ModelBinder(typeof(PoundsModelBinder))]
        public decimal? Value { get; set; }
        public DateOnly? OfferedOn { get; set; }
        public bool? Accepted { get; set; }
        public string? SeniorApproval { get; set; }
    }

    public sealed record OfferRow(int Id, OfferKind Kind, string Description, string Giver, bool GiverIsSupplier, decimal Value, DateOnly OfferedOn, bool Accepted, string? SeniorApproval)
    {
        public OfferAssessment Assessment => GiftsAndHospitalityRules.Assess(Kind, Value, GiverIsSupplier);
    }

    public sealed record RecordOffer(
        string PersonSlug,
        OfferKind? Kind,
        string? Description,
        string? Giver,
        bool GiverIsSupplier,
        decimal? Value,
        DateOnly? OfferedOn,
        bool? Accepted,
        string? SeniorApproval) : ICommand<OfferAssessment>, IInterestRegisterCommand;

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

    internal sealed class RecordOfferHandler(AppDbContext db, CurrentUser user, TimeProvider clock) : ICommandHandler<RecordOffer, OfferAssessment>
    {
        public async ValueTask<OfferAssessment> Handle(RecordOffer command, CancellationToken cancellationToken)
        {
            var today = UkCalendar.Today(clock);
            var personId = await InterestKeepers.RequireKeeperAsync(db, user, command.PersonSlug, today, cancellationToken);
            var offer = new GiftOrHospitality(personId, command.Kind!.Value, command.Description!, command.Giver!, command.GiverIsSupplier, command.Value!.Value,
                command.OfferedOn!.Value, command.Accepted!.Value, command.SeniorApproval, today, user.Name);
            db.GiftsAndHospitality.Add(offer);
            await db.SaveChangesAsync(cancellationToken);
            return offer.Assessment;
        }
    }
}

using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Registers;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class GiftsAndHospitalityRulesTests
{
    [Theory]
    [InlineData("5.99", OfferRequirement.MayAcceptWithoutDeclaring)]  // a low-cost item under about £6
    [InlineData("6", OfferRequirement.MustDecline)]
    [InlineData("500", OfferRequirement.MustDecline)]
    public void A_gift_from_a_supplier_is_declined_unless_it_is_under_6_pounds(string value, OfferRequirement expected) =>
        Assert.Equal(expected, GiftsAndHospitalityRules.Assess(OfferKind.Gift, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), fromSupplier: true).Requirement);

    [Theory]
    [InlineData("5.99", OfferRequirement.MayAcceptWithoutDeclaring)]
    [InlineData("6", OfferRequirement.MayAcceptWithoutDeclaring)]
    [InlineData("49.99", OfferRequirement.MayAcceptWithoutDeclaring)]
    [InlineData("50", OfferRequirement.MayAcceptAndMustDeclare)]
    public void Another_gift_under_50_pounds_may_be_accepted_without_declaring_it(string value, OfferRequirement expected) =>
        Assert.Equal(expected, GiftsAndHospitalityRules.Assess(OfferKind.Gift, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), fromSupplier: false).Requirement);

    [Theory]
    [InlineData("24.99", OfferRequirement.MayAcceptWithoutDeclaring)]
    [InlineData("25", OfferRequirement.MayAcceptAndMustDeclare)]
    [InlineData("40", OfferRequirement.MayAcceptAndMustDeclare)]
    [InlineData("75", OfferRequirement.MayAcceptAndMustDeclare)]
    [InlineData("75.01", OfferRequirement.MustDeclineUnlessSeniorApproval)]
    public void Hospitality_is_banded_at_25_and_75_pounds(string value, OfferRequirement expected)
    {
        var amount = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, GiftsAndHospitalityRules.Assess(OfferKind.Hospitality, amount, fromSupplier: false).Requirement);
        Assert.Equal(expected, GiftsAndHospitalityRules.Assess(OfferKind.Hospitality, amount, fromSupplier: true).Requirement);
    }

    [Fact]
    public void The_assessment_says_why_in_words()
    {
        var assessment = GiftsAndHospitalityRules.Assess(OfferKind.Hospitality, 40m, fromSupplier: false);

        Assert.Equal("It may be accepted and must be declared", assessment.Summary);
        Assert.Equal("Hospitality worth £25 to £75 may be accepted, and must be declared.", assessment.Reason);
        Assert.True(assessment.GoesOnRegister);
    }

    [Fact]
    public void A_supplier_s_gift_cannot_be_recorded_as_accepted()
    {
        var refusal = Assert.Throws<GovernanceException>(() => Offer(OfferKind.Gift, 6m, fromSupplier: true, accepted: true, approval: null));

        Assert.Contains("cannot be accepted", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hospitality_over_75_pounds_is_accepted_only_with_a_senior_manager_s_approval()
    {
        Assert.Throws<GovernanceException>(() => Offer(OfferKind.Hospitality, 75.01m, fromSupplier: false, accepted: true, approval: " "));

        var approved = Offer(OfferKind.Hospitality, 75.01m, fromSupplier: false, accepted: true, approval: "Accountable officer");

        Assert.Equal("Accountable officer", approved.SeniorApproval);
        Assert.True(approved.Assessment.GoesOnRegister);
    }

    [Fact]
    public void Small_offers_that_may_simply_be_accepted_are_not_published_but_declined_ones_are()
    {
        Assert.False(Offer(OfferKind.Hospitality, 24.99m, fromSupplier: false, accepted: true, approval: null).Assessment.GoesOnRegister);
        Assert.True(Offer(OfferKind.Gift, 10m, fromSupplier: true, accepted: false, approval: null).Assessment.GoesOnRegister);
    }

    private static GiftOrHospitality Offer(OfferKind kind, decimal value, bool fromSupplier, bool accepted, string? approval) =>
        new(1, kind, "Dinner", "A provider", fromSupplier, value, new DateOnly(2018, 3, 1), accepted, approval, new DateOnly(2018, 3, 2), "gp.member@kmc.example");
}

public sealed class ConflictsOfInterestGuidanceTests
{
    private static readonly DateOnly Began = new(2018, 1, 1);

    [Fact]
    public void An_interest_declared_on_the_28th_day_is_in_time_and_on_the_29th_is_late()
    {
        Assert.False(ConflictsOfInterestGuidance.IsDeclaredLate(Began, Began.AddDays(28)));
        Assert.True(ConflictsOfInterestGuidance.IsDeclaredLate(Began, Began.AddDays(29)));
        Assert.False(ConflictsOfInterestGuidance.IsDeclaredLate(null, Began.AddYears(1)));
        Assert.True(new Interest(1, InterestKind.Financial, "Shares in a provider", null, Began, null, Began.AddDays(29)).IsDeclaredLate);
    }

    [Fact]
    public void An_interest_leaves_the_published_register_6_months_after_it_ends()
    {
        var ended = new DateOnly(2018, 3, 15);

        Assert.True(ConflictsOfInterestGuidance.IsPublishedOn(ended, new DateOnly(2018, 9, 15)));
        Assert.False(ConflictsOfInterestGuidance.IsPublishedOn(ended, new DateOnly(2018, 9, 16)));
        Assert.True(ConflictsOfInterestGuidance.IsPublishedOn(null, new DateOnly(2030, 1, 1)));
        Assert.True(new Interest(1, InterestKind.Indirect, "Spouse works for a provider", null, Began, ended, Began).IsPublishedOn(new DateOnly(2018, 9, 15)));
    }

    [Fact]
    public void A_record_is_kept_for_6_years_after_it_ends_and_then_purged()
    {
        var ended = new DateOnly(2018, 3, 15);

        Assert.False(ConflictsOfInterestGuidance.IsDueForPurgeOn(ended, new DateOnly(2024, 3, 15)));
        Assert.True(ConflictsOfInterestGuidance.IsDueForPurgeOn(ended, new DateOnly(2024, 3, 16)));
    }

    [Fact]
    public void A_declaration_is_due_again_after_a_year_or_when_none_was_made()
    {
        var declared = new DateOnly(2018, 3, 15);

        Assert.False(ConflictsOfInterestGuidance.IsReviewOverdue(declared, new DateOnly(2019, 3, 15)));
        Assert.True(ConflictsOfInterestGuidance.IsReviewOverdue(declared, new DateOnly(2019, 3, 16)));
        Assert.True(ConflictsOfInterestGuidance.IsReviewOverdue(null, declared));
    }
}

public sealed class RegisterKeepersTests
{
    private const int Person = 7;
    private static readonly int[] TheirBodies = [1, 2];

    [Theory]
    [InlineData(Person, false, 0, true)]   // the person themselves
    [InlineData(8, true, 0, true)]         // an administrator
    [InlineData(8, false, 2, true)]        // the secretary of a body they sit on
    [InlineData(8, false, 3, false)]       // the secretary of another body
    [InlineData(null, false, 0, false)]    // an account linked to no person
    public void The_person_an_administrator_or_the_secretary_of_a_body_they_sit_on_keeps_their_register(int? user, bool administrator, int secretaryOf, bool mayKeep) =>
        Assert.Equal(mayKeep, RegisterKeepers.MayKeep(Person, user, administrator, TheirBodies, body => body == secretaryOf));
}

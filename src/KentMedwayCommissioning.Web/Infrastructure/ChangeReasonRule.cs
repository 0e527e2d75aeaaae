using FluentValidation;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>The one rule for the reason a dated change gives: it goes into the record's history.</summary>
public static class ChangeReasonRule
{
    public static IRuleBuilderOptions<T, string> ChangeReason<T>(this IRuleBuilderInitial<T, string> reason) =>
        reason.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Say why: the reason is kept in the history")
            .MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");
}

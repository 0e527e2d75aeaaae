using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>A <c>body</c> filter must name a body that exists: an unknown slug is a mistake to report, not an empty answer.</summary>
public static class KnownBody
{
    public static IRuleBuilderOptions<T, string?> MustBeAKnownBody<T>(this IRuleBuilder<T, string?> rule, AppDbContext db) =>
        rule.MustAsync(async (slug, cancellationToken) =>
                string.IsNullOrEmpty(slug)
                // A malformed slug is reported by the format rule; it is never sent to the database.
                || slug.Length > 200 || !slug.All(character => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character == '-')
                || await db.Bodies.AnyAsync(body => body.Slug == slug, cancellationToken))
            .WithMessage("There is no body with that slug; /api/v1/bodies lists them");
}

using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Bodies;

[AllowAnonymous]
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    public DateOnly Today => UkCalendar.Today(clock);

    public IReadOnlyList<KindGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = Group(await sender.Send(new Query(), cancellationToken));

    /// <summary>Every body, or only those of one kind (by its name, as the API takes it).</summary>
    public sealed record Query(string? Kind = null) : IQuery<IReadOnlyList<BodySummary>>;

    public sealed class QueryValidator : AbstractValidator<Query>
    {
        public QueryValidator() =>
            RuleFor(query => query.Kind)
                .Must(kind => kind is null || Enum.GetNames<BodyKind>().Contains(kind, StringComparer.OrdinalIgnoreCase))
                .WithMessage($"Kind must be one of: {string.Join(", ", Enum.GetNames<BodyKind>())}.");
    }

    /// <param name="MemberBodies">For a joint committee, how many bodies are its members today.</param>
    public sealed record BodySummary(string Name, string Slug, BodyKind Kind, SubSystem? SubSystem, DateOnly? ExistedFrom, DateOnly? ExistedTo, int MemberBodies);

    public sealed record KindGroup(BodyKind Kind, IReadOnlyList<SubSystemGroup> SubSystems);

    public sealed record SubSystemGroup(string? Heading, IReadOnlyList<BodySummary> Bodies);

    internal static IReadOnlyList<KindGroup> Group(IReadOnlyList<BodySummary> bodies) =>
        bodies
            .GroupBy(body => body.Kind)
            .OrderBy(group => group.Key)
            .Select(kind => new KindGroup(
                kind.Key,
                kind.GroupBy(body => body.SubSystem)
                    .OrderBy(group => group.Key is null ? int.MaxValue : (int)group.Key)
                    .Select(subSystem => new SubSystemGroup(
                        kind.Key == BodyKind.ClinicalCommissioningGroup ? subSystem.Key?.DisplayName() ?? "Across Kent and Medway, and neighbours" : null,
                        subSystem.OrderBy(body => body.Name, StringComparer.Ordinal).ToList()))
                    .ToList()))
            .ToList();

    internal sealed class Handler([FromKeyedServices(ReadDb.Key)] AppDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<BodySummary>>
    {
        public async ValueTask<IReadOnlyList<BodySummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var bodies = db.Bodies.AsNoTracking();
            if (query.Kind is not null)
            {
                var kind = Enum.Parse<BodyKind>(query.Kind, ignoreCase: true);
                bodies = bodies.Where(body => body.Kind == kind);
            }

            var memberToday = Dated.HeldOn<JointCommitteeMember>(UkCalendar.Today(clock));
            return await bodies
                .OrderBy(body => body.Name)
                .Select(body => new BodySummary(body.Name, body.Slug, body.Kind, body.SubSystem, body.ExistedFrom, body.ExistedTo, body.MemberBodies.AsQueryable().Count(memberToday)))
                .ToListAsync(cancellationToken);
        }
    }
}

using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain.Register;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>Re-checks the whole hash chain and names the first entry that fails.</summary>
[AllowAnonymous]
public sealed class VerifyModel(ISender sender) : PageModel
{
    public ChainVerification Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Result = await sender.Send(new Query(), cancellationToken);

    public sealed record Query : IQuery<ChainVerification>;

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, ChainVerification>
    {
        public async ValueTask<ChainVerification> Handle(Query query, CancellationToken cancellationToken) =>
            ChainVerification.Check(await db.PublishedDecisions.AsNoTracking().OrderBy(decision => decision.Sequence).ToListAsync(cancellationToken));
    }
}

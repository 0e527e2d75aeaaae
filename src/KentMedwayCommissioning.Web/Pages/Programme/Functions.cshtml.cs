using System.Globalization;
using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>The co-design matrix: each commissioning function against the level it sits at, with what decided it.</summary>
[AllowAnonymous]
public sealed class FunctionsModel(ISender sender, CurrentUser user) : PageModel
{
    public Matrix View { get; private set; } = null!;

    public bool CanChange => user.IsProgrammeOffice;

    [BindProperty]
    public AllocationForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await sender.Send(new Query(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        View = await sender.Send(new Query(), cancellationToken);
        var command = new Allocate(Input.Function, Input.LevelId, Input.DecidedBy, Input.DecidedOn);
        var done = ModelState.IsValid && (await sender.TrySendAsync(command, ModelState, nameof(Input), cancellationToken)).Succeeded;
        if (!done)
        {
            return Page();
        }

        TempData["Confirmation"] = $"{command.Function!.Trim()} is allocated.";
        return Redirect("/programme/functions");
    }

    public static string Population(CommissioningLevel level) => (level.PopulationFrom, level.PopulationTo) switch
    {
        ({ } from, { } to) => $"{from.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} to {to.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))}",
        _ => "Not given in the papers",
    };

    public sealed class AllocationForm
    {
        public string? Function { get; set; }
        public int? LevelId { get; set; }
        public string? DecidedBy { get; set; }
        public DateOnly? DecidedOn { get; set; }
    }

    public sealed record Query : IQuery<Matrix>;

    public sealed record Matrix(IReadOnlyList<CommissioningLevel> Levels, IReadOnlyList<FunctionAllocation> Allocations);

    public sealed record Allocate(string? Function, int? LevelId, string? DecidedBy, DateOnly? DecidedOn) : ICommand<Unit>, IProgrammeOfficeCommand;

    public sealed class AllocateValidator : AbstractValidator<Allocate>
    {
        public AllocateValidator()
        {
            RuleFor(command => command.Function).NotEmpty().WithMessage("Enter the function").MaximumLength(300).WithMessage("The function must be 300 characters or fewer");
            RuleFor(command => command.LevelId).NotNull().WithMessage("Choose the level it sits at");
            RuleFor(command => command.DecidedBy)
                .NotEmpty().WithMessage("Enter the workshop or survey that decided it")
                .MaximumLength(300).WithMessage("This must be 300 characters or fewer");
        }
    }

    internal sealed class QueryHandler(AppDbContext db) : IQueryHandler<Query, Matrix>
    {
        public async ValueTask<Matrix> Handle(Query query, CancellationToken cancellationToken) =>
            new(
                await db.CommissioningLevels.AsNoTracking().OrderBy(level => level.Order).ToListAsync(cancellationToken),
                await db.FunctionAllocations.AsNoTracking().OrderBy(allocation => allocation.Function).ToListAsync(cancellationToken));
    }

    internal sealed class AllocateHandler(AppDbContext db) : ICommandHandler<Allocate, Unit>
    {
        public async ValueTask<Unit> Handle(Allocate command, CancellationToken cancellationToken)
        {
            if (!await db.CommissioningLevels.AnyAsync(level => level.Id == command.LevelId, cancellationToken))
            {
                throw new NotFoundException($"There is no level {command.LevelId}.");
            }

            var function = command.Function!.Trim();
            var allocation = await db.FunctionAllocations.SingleOrDefaultAsync(existing => existing.Function == function, cancellationToken);
            if (allocation is null)
            {
                db.FunctionAllocations.Add(new FunctionAllocation(function, command.LevelId!.Value, command.DecidedBy!, command.DecidedOn));
            }
            else
            {
                allocation.AllocateTo(command.LevelId!.Value, command.DecidedBy!, command.DecidedOn);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

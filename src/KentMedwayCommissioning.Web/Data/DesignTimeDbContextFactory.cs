using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KentMedwayCommissioning.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app or reaching a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), "Host=localhost;Database=design_time_only").Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(user => user.DisplayName).HasMaxLength(200);
        builder.HasOne(user => user.Person).WithMany().HasForeignKey(user => user.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(user => user.PersonId).IsUnique();
    }
}

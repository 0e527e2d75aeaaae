using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(person => person.FullName).HasMaxLength(200);
        builder.Property(person => person.Slug).HasMaxLength(200);
        builder.HasIndex(person => person.Slug).IsUnique();
    }
}

internal sealed class PersonChangeConfiguration : IEntityTypeConfiguration<PersonChange>
{
    public void Configure(EntityTypeBuilder<PersonChange> builder)
    {
        builder.HasOne(change => change.Person).WithMany().HasForeignKey(change => change.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(change => change.Change).HasMaxLength(200);
        builder.Property(change => change.FormerName).HasMaxLength(200);
        builder.Property(change => change.Reason).HasMaxLength(2000);
    }
}

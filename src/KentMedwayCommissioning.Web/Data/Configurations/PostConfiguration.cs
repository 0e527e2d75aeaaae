using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(post => post.Title).HasMaxLength(200);
        builder.Property(post => post.Source).HasMaxLength(500);
        builder.HasIndex(post => new { post.BodyId, post.Title }).IsUnique();
        builder.HasOne(post => post.Body).WithMany().HasForeignKey(post => post.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(post => post.Appointments).WithOne(appointment => appointment.Post).HasForeignKey(appointment => appointment.PostId);
        builder.Navigation(post => post.Appointments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(appointment => appointment.Source).HasMaxLength(500);
        builder.Property(appointment => appointment.From).HasColumnName("from_date");
        builder.Property(appointment => appointment.To).HasColumnName("to_date");
        builder.HasOne(appointment => appointment.Person).WithMany().HasForeignKey(appointment => appointment.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(appointment => appointment.PersonId);
        builder.ToTable(table => table.HasCheckConstraint("ck_appointments_dates", "to_date IS NULL OR from_date IS NULL OR to_date >= from_date"));
    }
}

internal sealed class AppointmentChangeConfiguration : IEntityTypeConfiguration<AppointmentChange>
{
    public void Configure(EntityTypeBuilder<AppointmentChange> builder)
    {
        builder.HasOne(change => change.Appointment).WithMany().HasForeignKey(change => change.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(change => change.Change).HasMaxLength(200);
        builder.Property(change => change.Reason).HasMaxLength(2000);
    }
}

using KentMedwayCommissioning.Web.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KentMedwayCommissioning.Web.Data.Configurations;

internal sealed class MinutesConfiguration : IEntityTypeConfiguration<Minutes>
{
    public void Configure(EntityTypeBuilder<Minutes> builder)
    {
        builder.Property(minutes => minutes.DraftedBy).HasMaxLength(256);
        builder.Property(minutes => minutes.Amendments).HasMaxLength(4000);
        // One set of minutes per meeting.
        builder.HasIndex(minutes => minutes.MeetingId).IsUnique();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(minutes => minutes.MeetingId);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(minutes => minutes.ApprovedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(minutes => minutes.Notes).WithOne().HasForeignKey(note => note.MinutesId);
        builder.Navigation(minutes => minutes.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(minutes => minutes.IsPublished);
        builder.ToTable(table => table.HasCheckConstraint("ck_minutes_approved", "(status = 'Approved') = (approved_on IS NOT NULL AND approved_at_meeting_id IS NOT NULL)"));
    }
}

internal sealed class MinuteNoteConfiguration : IEntityTypeConfiguration<MinuteNote>
{
    public void Configure(EntityTypeBuilder<MinuteNote> builder)
    {
        builder.ToTable("minute_notes");
        builder.Property(note => note.Text).HasMaxLength(20_000);
        builder.HasIndex(note => new { note.MinutesId, note.AgendaItemId }).IsUnique();
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(note => note.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionPointConfiguration : IEntityTypeConfiguration<ActionPoint>
{
    public void Configure(EntityTypeBuilder<ActionPoint> builder)
    {
        builder.ToTable("actions");
        builder.Property(action => action.Description).HasMaxLength(2000);
        builder.Property(action => action.Owner).HasMaxLength(200);
        builder.Property(action => action.ReviewNote).HasMaxLength(2000);
        builder.HasOne(action => action.AgendaItem).WithMany().HasForeignKey(action => action.AgendaItemId);
        builder.HasIndex(action => new { action.AgendaItemId, action.DueOn });
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShowOfHandsAndSetAsideVotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "by_show_of_hands",
                table: "vote_events",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "vote_events",
                type: "character varying(2100)",
                maxLength: 2100,
                nullable: true);

            // arrived_at now means "recorded as arriving late". Earlier rows took a time whenever the roll was taken
            // during the meeting and were shown as late only after the start: keep exactly those.
            migrationBuilder.Sql(
                """
                UPDATE attendances a SET arrived_at = NULL
                FROM meetings m
                WHERE m.id = a.meeting_id AND a.arrived_at IS NOT NULL AND a.arrived_at <= m.starts_at;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "by_show_of_hands",
                table: "vote_events");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "vote_events");
        }
    }
}

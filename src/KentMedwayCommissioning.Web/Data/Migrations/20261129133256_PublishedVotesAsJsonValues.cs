using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <summary>
    /// A published decision's votes and declarations are mapped as JSON values (a converter) instead of owned JSON
    /// entities. The columns stay jsonb with the same documents; every entry has a list, so they become NOT NULL.
    /// </summary>
    public partial class PublishedVotesAsJsonValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "votes",
                table: "published_decisions",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "declarations",
                table: "published_decisions",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "votes",
                table: "published_decisions",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "declarations",
                table: "published_decisions",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PracticeBallotsRunHere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                table: "practice_ballots",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closes_on",
                table: "practice_ballots",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "majority_threshold",
                table: "practice_ballots",
                type: "numeric(5,4)",
                precision: 5,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "opens_on",
                table: "practice_ballots",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ballot_practices",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ballot_id = table.Column<int>(type: "integer", nullable: false),
                    body_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ods_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    list_size = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballot_practices", x => x.id);
                    table.ForeignKey(
                        name: "fk_ballot_practices_practice_ballot_bodies_ballot_id_body_id",
                        columns: x => new { x.ballot_id, x.body_id },
                        principalTable: "practice_ballot_bodies",
                        principalColumns: new[] { "ballot_id", "body_id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ballot_practices_practice_ballots_ballot_id",
                        column: x => x.ballot_id,
                        principalTable: "practice_ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ballot_practices_ballot_id_body_id_name",
                table: "ballot_practices",
                columns: new[] { "ballot_id", "body_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ballot_practices");

            migrationBuilder.DropColumn(
                name: "closed_on",
                table: "practice_ballots");

            migrationBuilder.DropColumn(
                name: "closes_on",
                table: "practice_ballots");

            migrationBuilder.DropColumn(
                name: "majority_threshold",
                table: "practice_ballots");

            migrationBuilder.DropColumn(
                name: "opens_on",
                table: "practice_ballots");
        }
    }
}

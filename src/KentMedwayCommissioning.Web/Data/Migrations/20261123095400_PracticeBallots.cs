using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PracticeBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "practice_ballots",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    slug = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    reported_finding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practice_ballots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "practice_ballot_bodies",
                columns: table => new
                {
                    ballot_id = table.Column<int>(type: "integer", nullable: false),
                    body_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practice_ballot_bodies", x => new { x.ballot_id, x.body_id });
                    table.ForeignKey(
                        name: "fk_practice_ballot_bodies_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_practice_ballot_bodies_practice_ballots_ballot_id",
                        column: x => x.ballot_id,
                        principalTable: "practice_ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "practice_answer",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ballot_id = table.Column<int>(type: "integer", nullable: false),
                    body_id = table.Column<int>(type: "integer", nullable: false),
                    practice_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    answer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practice_answer", x => x.id);
                    table.ForeignKey(
                        name: "fk_practice_answer_practice_ballot_bodies_ballot_id_body_id",
                        columns: x => new { x.ballot_id, x.body_id },
                        principalTable: "practice_ballot_bodies",
                        principalColumns: new[] { "ballot_id", "body_id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_practice_answer_practice_ballots_ballot_id",
                        column: x => x.ballot_id,
                        principalTable: "practice_ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_practice_answer_ballot_id_body_id_practice_name",
                table: "practice_answer",
                columns: new[] { "ballot_id", "body_id", "practice_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_practice_ballot_bodies_body_id",
                table: "practice_ballot_bodies",
                column: "body_id");

            migrationBuilder.CreateIndex(
                name: "ix_practice_ballots_slug",
                table: "practice_ballots",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "practice_answer");

            migrationBuilder.DropTable(
                name: "practice_ballot_bodies");

            migrationBuilder.DropTable(
                name: "practice_ballots");
        }
    }
}

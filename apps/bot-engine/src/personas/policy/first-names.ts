import { fold } from './normalize';
import { PersonaLanguage } from './types';

/**
 * Common given names (female, then male) per language area, written from general knowledge of birth-name
 * statistics in the US/UK, Germany, France and Spain, across generations. Many names are shared between areas;
 * matching happens on the folded form, so accents and case do not matter. Whitespace-separated for compactness.
 */
const NAMES: Readonly<Record<PersonaLanguage, string>> = {
  en: `
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra
    Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca
    Sharon Laura Cynthia Amy Kathleen Angela Shirley Brenda Emma Anna Pamela Nicole Samantha Katherine
    Christine Helen Debra Rachel Carolyn Janet Maria Catherine Heather Diane Olivia Julie Joyce Victoria
    Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith Andrea Hannah Megan Cheryl Jacqueline Martha
    Madison Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances Jean Alice Judy Isabella Julia
    Grace Amber Denise Danielle Marilyn Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis
    Lori Marie Ava Mia Amelia Harper Ella Chloe Lily Zoe Scarlett Aria Layla Riley Nora Hazel Ellie Aurora
    Savannah Audrey Brooklyn Claire Stella Lucy Paisley Everly Isla Poppy Freya Ivy Rosie Daisy Phoebe Evie
    Florence Millie Imogen Molly Ruby Holly Jade Georgia Eleanor Matilda Bethany Chelsea Gemma Kirsty Leah
    Naomi Paige Rose Tracy Wendy Zara Kate Katie Jenny Becky Beth Liz Sue Meg Abby Ellen Joanne Lindsay Erin
    Vanessa Monica Tiffany Crystal Erica Tina Jill Carrie Courtney Sydney Taylor Morgan Alexa Bella

    James Robert John Michael David William Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony
    Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey
    Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory
    Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Adam Nathan Henry Douglas Zachary Peter
    Kyle Noah Ethan Jeremy Walter Christian Keith Roger Terry Austin Sean Gerald Carl Harold Dylan Arthur
    Lawrence Jordan Jesse Bryan Billy Bruce Gabriel Joe Logan Alan Albert Willie Elijah Wayne Randy Vincent
    Mason Roy Ralph Bobby Russell Bradley Philip Eugene Liam Oliver Lucas Aiden Jackson Sebastian Owen
    Theodore Leo Hudson Isaac Lincoln Caleb Luke Harry Charlie Oscar Archie Alfie Freddie Arlo Finley Reuben
    Louie Toby Theo Ted Tommy Jamie Callum Connor Lewis Kieran Rhys Ben Sam Tom Dan Matt Mike Chris Nick
    Steve Dave Tony Jim Jimmy Bob Bill Will Max Alex Josh Jake Andy Rob Greg Jeff Ken Kenny Phil Ray Joey
    Danny Eddie Johnny Ian Neil Graham Stuart Craig Gavin Dean Darren Lee Wesley Travis Derek Marcus Shane
    Troy Cody Evan Colin Blake Cameron Elliot Miles Jasper Felix Silas Ezra Asher Levi Julian Wyatt Hunter
    Carter Nathaniel Howard Leonard Stanley
  `,
  de: `
    Sophie Marie Maria Anna Emma Mia Hannah Lea Leonie Lena Laura Lara Lisa Julia Katharina Johanna Clara
    Klara Charlotte Emilia Ella Lina Luisa Louisa Amelie Ida Frieda Greta Mila Lia Lilly Nele Paula Pia
    Sarah Sandra Sabine Susanne Petra Claudia Andrea Stefanie Nicole Anja Katrin Kathrin Birgit Monika
    Ursula Renate Helga Gisela Ingrid Karin Christa Elke Heike Martina Gabriele Brigitte Barbara Angelika
    Cornelia Silke Tanja Melanie Nadine Jessica Vanessa Jana Janina Franziska Theresa Annika Antonia Carolin
    Christina Christine Jasmin Kerstin Manuela Simone Sonja Ute Doris Erika Hildegard Ilse Inge Elisabeth
    Margarete Gertrud Liselotte Marlene Mathilda Magdalena Viktoria Hanna Jule Finja Merle Svenja Wiebke
    Anke Dagmar Bettina Britta Heidi Yvonne Miriam Nina Tina Vera Lotte Romy Carla Ronja Isabell Helene
    Elena Jutta Regina Rita Edith Irmgard Waltraud Marianne Beate Kirsten Antje

    Maximilian Alexander Paul Elias Ben Jonas Leon Finn Noah Luis Louis Lukas Lucas Felix Luca Tim Jan
    Julian Moritz Niklas Nico Philipp Jakob Tom Max Emil Anton Theo Henri Oskar Matteo Fabian Florian Tobias
    Sebastian Daniel David Dennis Kevin Marcel Marco Markus Michael Thomas Andreas Stefan Frank Jürgen Klaus
    Wolfgang Peter Hans Günter Dieter Uwe Bernd Helmut Manfred Werner Gerhard Horst Karl Heinz Rolf Ralf
    Jörg Holger Sven Torsten Dirk Matthias Christian Martin Patrick Sascha Jens Kai Lars Nils Ole Hannes
    Johannes Jannik Jannis Malte Mats Till Timo Benedikt Dominik Simon Vincent Valentin Leonard Carl
    Friedrich Wilhelm Heinrich Ludwig Otto Hermann Ernst Walter Fritz Kurt Erich Gerd Rainer Reinhard Volker
    Axel Björn Ulrich Hartmut Detlef Armin Norbert Lothar Joachim Siegfried Konstantin Leopold Lennard Mika
    Milan Mattis Jonathan Samuel Bernhard Günther
  `,
  fr: `
    Emma Jade Louise Alice Chloé Lina Léa Rose Anna Mila Inès Ambre Julia Mia Léna Manon Juliette Lou Zoé
    Camille Sarah Lola Agathe Jeanne Romane Charlotte Eva Nina Adèle Victoire Margaux Clémence Océane Marine
    Mathilde Pauline Laura Élise Émilie Amélie Aurélie Céline Nathalie Isabelle Sylvie Catherine Françoise
    Martine Christine Monique Valérie Sandrine Stéphanie Véronique Sophie Anne Marie Nicole Brigitte Chantal
    Dominique Patricia Florence Caroline Virginie Julie Hélène Élodie Audrey Mélanie Laetitia Delphine
    Karine Corinne Claire Jacqueline Josiane Ginette Geneviève Colette Simone Odette Yvette Paulette Denise
    Madeleine Suzanne Lucie Marion Justine Anaïs Maëlys Apolline Capucine Éloïse Léonie Constance Margot
    Noémie Solène Gaëlle Maëlle Coralie Morgane Estelle Fanny Laure Gabrielle Cécile Mireille Lucienne
    Joséphine Béatrice Agnès Bernadette Ophélie Clara Axelle Élisabeth Annie

    Gabriel Léo Raphaël Arthur Louis Jules Adam Lucas Hugo Maël Noah Liam Sacha Paul Nathan Aaron Mohamed
    Ethan Tom Léon Victor Théo Martin Timéo Nolan Axel Enzo Mathis Baptiste Maxime Antoine Alexandre Thomas
    Nicolas Julien Guillaume Romain Quentin Clément Florian Kévin Jérémy Benjamin Vincent Mathieu Sébastien
    Jean Pierre Michel Philippe Alain Patrick Christophe Frédéric Laurent Stéphane Éric Olivier Thierry
    Pascal Daniel David Bernard Jacques André François Gérard René Claude Marcel Roger Robert Henri Yves
    Didier Bruno Emmanuel Jérôme Fabrice Cédric Arnaud Damien Xavier Franck Grégory Ludovic Lionel Serge
    Gilles Denis Joël Hervé Marc Luc Benoît Cyril Adrien Bastien Corentin Valentin Dylan Kylian Mattéo Évan
    Noé Gaspard Samuel Simon Tristan Augustin Côme Eliott Marius Yanis Rayan Malo Sylvain Thibault Aurélien
    Loïc
  `,
  es: `
    María Carmen Josefa Isabel Ana Laura Dolores Pilar Teresa Rosa Cristina Marta Antonia Francisca Lucía
    Mercedes Elena Sara Paula Raquel Manuela Concepción Rosario Beatriz Julia Encarnación Nuria Silvia Irene
    Patricia Montserrat Alba Andrea Rocío Mónica Alicia Sonia Sandra Marina Susana Yolanda Margarita Natalia
    Inmaculada Eva Amparo Esther Ángela Verónica Noelia Claudia Carolina Sofía Martina Valeria Daniela
    Alejandra Adriana Victoria Lorena Miriam Gloria Consuelo Guadalupe Inés Ainhoa Lola Paola Olivia Jimena
    Ximena Carla Nerea Aitana Noa Candela Valentina Celia Blanca Catalina Esperanza Fernanda Gabriela Luisa
    Juana Asunción Remedios Milagros Soledad Lourdes Begoña Estefanía Maite Leire Lidia Vanesa Rebeca Tamara
    Judith Aurora Clara Elisa Estela Magdalena Marisol Pepa Rafaela Trinidad Virginia Yaiza Emilia Eugenia
    Rosalía Marisa Belén Ariadna Iris Mariana Gema Azucena

    Antonio José Manuel Francisco Juan David Javier Daniel Carlos Jesús Alejandro Miguel Rafael Pedro Pablo
    Ángel Sergio Fernando Jorge Luis Alberto Álvaro Diego Adrián Pascual Raúl Enrique Ramón Vicente Iván
    Rubén Óscar Andrés Joaquín Santiago Eduardo Víctor Roberto Jaime Mario Ignacio Alfonso Salvador Ricardo
    Marcos Jordi Emilio Julián Guillermo Gabriel Tomás Agustín Gonzalo Felipe Mariano Hugo Mateo Martín
    Lucas Leo Marco Nicolás Gael Izan Thiago Bruno Samuel Héctor Iker Unai Aitor Xavier Xabier Cristian
    Gregorio Lorenzo Arturo Benito Domingo Esteban Federico Gerardo Gustavo Hernán Ismael Lázaro Leonardo
    Marcelo Nacho Pepe Paco Rodrigo Sebastián Teodoro Alonso Borja Íñigo Asier Oriol Pau
  `,
};

export const FIRST_NAMES_BY_LANGUAGE: Readonly<Record<PersonaLanguage, readonly string[]>> = {
  en: NAMES.en.trim().split(/\s+/),
  de: NAMES.de.trim().split(/\s+/),
  fr: NAMES.fr.trim().split(/\s+/),
  es: NAMES.es.trim().split(/\s+/),
};

const FOLDED_FIRST_NAMES: ReadonlySet<string> = new Set(Object.values(FIRST_NAMES_BY_LANGUAGE).flat().map(fold));

/** Whether a folded word (see `fold`) is a common first name. */
export function isFirstName(foldedWord: string): boolean {
  return FOLDED_FIRST_NAMES.has(foldedWord);
}

/** How many distinct folded names the lexicon holds. */
export const FIRST_NAME_COUNT = FOLDED_FIRST_NAMES.size;

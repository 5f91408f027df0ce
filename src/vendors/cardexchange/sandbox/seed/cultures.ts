/**
 * Name and address material for the demo persons, per country, so the seeded tenant looks like a
 * real multinational customer: diacritics, apostrophes, multi-word and two-part surnames, local
 * address, postal code and phone formats. Templates: `#` is a digit, `@` an upper-case letter,
 * `{street}` a street name, `{n}` a house number. Phone numbers use fictional ranges where a
 * country has them (555 in North America).
 */

export interface City {
  locality: string;
  region: string;
  postalCode: string;
}

export interface Culture {
  country: string;
  /** Relative share of the demo persons. */
  weight: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Cultures where a middle name is common list a few. */
  middleNames?: readonly string[];
  /** Spanish-speaking names often carry two surnames. */
  doubleSurname?: boolean;
  cities: readonly City[];
  streets: readonly string[];
  streetFormat: string;
  poBox: string;
  phone: string;
  mobile: string;
}

const city = (locality: string, region: string, postalCode: string): City => ({ locality, region, postalCode });

export const CULTURES: readonly Culture[] = [
  {
    country: 'Netherlands',
    weight: 5,
    female: ['Sanne', 'Emma', 'Lotte', 'Fleur', 'Anouk', 'Femke', 'Iris', 'Noor', 'Marieke', 'Eline'],
    male: ['Daan', 'Bram', 'Lucas', 'Thijs', 'Jeroen', 'Sem', 'Ruben', 'Pieter', 'Joost', 'Wouter'],
    surnames: ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'van Dijk', "van 't Hek"],
    cities: [
      city('Amsterdam', 'Noord-Holland', '10## @@'),
      city('Rotterdam', 'Zuid-Holland', '30## @@'),
      city('Utrecht', 'Utrecht', '35## @@'),
      city('Eindhoven', 'Noord-Brabant', '56## @@'),
      city('Groningen', 'Groningen', '97## @@'),
    ],
    streets: ['Keizersgracht', 'Prinsengracht', 'Damrak', 'Coolsingel', 'Oudegracht', 'Stationsplein', 'Kerkstraat'],
    streetFormat: '{street} {n}',
    poBox: 'Postbus ####',
    phone: '+31 20 ### ####',
    mobile: '+31 6 #### ####',
  },
  {
    country: 'Belgium',
    weight: 2,
    female: ['Louise', 'Marie', 'Elise', 'Julie', 'Lien', 'Margaux'],
    male: ['Arthur', 'Louis', 'Noah', 'Jules', 'Wout', 'Thomas'],
    surnames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Claes', 'Dubois', 'Lambert', 'Wouters', 'De Smet'],
    cities: [
      city('Antwerpen', 'Antwerpen', '20##'),
      city('Gent', 'Oost-Vlaanderen', '90##'),
      city('Brussel', 'Brussels Hoofdstedelijk Gewest', '10##'),
      city('Leuven', 'Vlaams-Brabant', '30##'),
      city('Liège', 'Liège', '40##'),
    ],
    streets: ['Meir', 'Korenmarkt', 'Rue Neuve', 'Bondgenotenlaan', 'Grote Markt'],
    streetFormat: '{street} {n}',
    poBox: 'Postbus ###',
    phone: '+32 3 ### ## ##',
    mobile: '+32 47# ## ## ##',
  },
  {
    country: 'Germany',
    weight: 3,
    female: ['Anna', 'Lena', 'Hannah', 'Sophie', 'Katrin', 'Sabine', 'Ursula', 'Jana'],
    male: ['Jürgen', 'Lukas', 'Felix', 'Maximilian', 'Stefan', 'Tobias', 'Matthias', 'Jörg'],
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Wagner'],
    cities: [
      city('Berlin', 'Berlin', '10###'),
      city('München', 'Bayern', '80###'),
      city('Hamburg', 'Hamburg', '20###'),
      city('Köln', 'Nordrhein-Westfalen', '50###'),
      city('Frankfurt am Main', 'Hessen', '60###'),
    ],
    streets: ['Hauptstraße', 'Friedrichstraße', 'Schillerstraße', 'Goethestraße', 'Bahnhofstraße', 'Lindenallee'],
    streetFormat: '{street} {n}',
    poBox: 'Postfach ## ## ##',
    phone: '+49 30 #######',
    mobile: '+49 151 ########',
  },
  {
    country: 'France',
    weight: 2,
    female: ['Camille', 'Chloé', 'Manon', 'Léa', 'Inès', 'Élodie'],
    male: ['Louis', 'Hugo', 'Théo', 'Mathieu', 'Antoine', 'Rémi'],
    surnames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit', 'Durand', 'Lefèvre', 'Moreau', "d'Arcy"],
    cities: [
      city('Paris', 'Île-de-France', '750##'),
      city('Lyon', 'Auvergne-Rhône-Alpes', '6900#'),
      city('Marseille', "Provence-Alpes-Côte d'Azur", '130##'),
      city('Lille', 'Hauts-de-France', '590##'),
      city('Toulouse', 'Occitanie', '310##'),
    ],
    streets: ['rue de Rivoli', 'avenue des Champs-Élysées', 'boulevard Saint-Michel', 'rue de la République', 'place Bellecour'],
    streetFormat: '{n} {street}',
    poBox: 'BP ####',
    phone: '+33 1 ## ## ## ##',
    mobile: '+33 6 ## ## ## ##',
  },
  {
    country: 'United Kingdom',
    weight: 3,
    female: ['Olivia', 'Amelia', 'Charlotte', 'Emily', 'Sophie', 'Grace', 'Siobhan'],
    male: ['Oliver', 'George', 'Harry', 'James', 'William', 'Thomas', 'Rhys'],
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', "O'Brien", 'Davies', 'Harrington-Smythe'],
    middleNames: ['Elizabeth', 'Rose', 'James', 'Edward', 'Alexander', 'Mary'],
    cities: [
      city('London', 'Greater London', 'SW1A #@@'),
      city('Manchester', 'Greater Manchester', 'M# #@@'),
      city('Edinburgh', 'Scotland', 'EH# #@@'),
      city('Cardiff', 'Wales', 'CF10 #@@'),
      city('Bristol', 'England', 'BS# #@@'),
    ],
    streets: ['Baker Street', 'High Street', 'Victoria Road', 'Church Lane', 'Deansgate', 'Princes Street'],
    streetFormat: '{n} {street}',
    poBox: 'PO Box ####',
    phone: '+44 20 #### ####',
    mobile: '+44 7700 ######',
  },
  {
    country: 'United States',
    weight: 3,
    female: ['Jennifer', 'Ashley', 'Madison', 'Jessica', 'Emily', 'Taylor', 'Keisha'],
    male: ['Michael', 'Christopher', 'Ethan', 'Daniel', 'Matthew', 'Tyler', 'DeShawn'],
    surnames: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Anderson', 'Jackson', 'Washington', 'Nguyen', 'Kowalczyk'],
    middleNames: ['Ann', 'Marie', 'Lee', 'Lynn', 'Ray', 'Michael', 'J.'],
    cities: [
      city('Seattle', 'WA', '981##'),
      city('Austin', 'TX', '787##'),
      city('Chicago', 'IL', '606##'),
      city('New York', 'NY', '100##'),
      city('Boston', 'MA', '021##'),
    ],
    streets: ['Main Street', 'Pine Street', 'Oak Avenue', 'Maple Drive', 'Broadway', '5th Avenue'],
    streetFormat: '{n} {street}',
    poBox: 'P.O. Box ####',
    phone: '+1 (425) 555-####',
    mobile: '+1 (206) 555-####',
  },
  {
    country: 'Spain',
    weight: 2,
    female: ['María', 'Lucía', 'Carmen', 'Paula', 'Alba', 'Nerea'],
    male: ['José', 'Javier', 'Alejandro', 'Pablo', 'Iñigo', 'Sergio'],
    surnames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Muñoz'],
    doubleSurname: true,
    cities: [
      city('Madrid', 'Comunidad de Madrid', '280##'),
      city('Barcelona', 'Cataluña', '080##'),
      city('Valencia', 'Comunidad Valenciana', '460##'),
      city('Sevilla', 'Andalucía', '410##'),
      city('Bilbao', 'País Vasco', '480##'),
    ],
    streets: ['Calle de Alcalá', 'Gran Vía', 'Paseo de Gracia', 'Calle Mayor', 'Avenida de la Constitución'],
    streetFormat: '{street}, {n}',
    poBox: 'Apartado de Correos ###',
    phone: '+34 91 ### ## ##',
    mobile: '+34 6## ### ###',
  },
  {
    country: 'Italy',
    weight: 2,
    female: ['Giulia', 'Francesca', 'Chiara', 'Sofia', 'Alessia'],
    male: ['Marco', 'Luca', 'Giuseppe', 'Matteo', 'Andrea', 'Niccolò'],
    surnames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'De Luca', "D'Angelo"],
    cities: [
      city('Roma', 'Lazio', '001##'),
      city('Milano', 'Lombardia', '201##'),
      city('Napoli', 'Campania', '801##'),
      city('Torino', 'Piemonte', '101##'),
      city('Firenze', 'Toscana', '501##'),
    ],
    streets: ['Via del Corso', 'Via Roma', 'Corso Vittorio Emanuele II', 'Piazza Navona', 'Via Garibaldi'],
    streetFormat: '{street} {n}',
    poBox: 'Casella Postale ###',
    phone: '+39 06 #### ####',
    mobile: '+39 3## ### ####',
  },
  {
    country: 'Poland',
    weight: 2,
    female: ['Zofia', 'Agnieszka', 'Małgorzata', 'Katarzyna', 'Joanna'],
    male: ['Łukasz', 'Piotr', 'Krzysztof', 'Tomasz', 'Paweł'],
    surnames: ['Nowak', 'Wójcik', 'Kaczmarek', 'Mazur', 'Krawczyk', 'Zając', 'Król', 'Wróbel'],
    cities: [
      city('Warszawa', 'Mazowieckie', '00-###'),
      city('Kraków', 'Małopolskie', '30-###'),
      city('Gdańsk', 'Pomorskie', '80-###'),
      city('Wrocław', 'Dolnośląskie', '50-###'),
      city('Poznań', 'Wielkopolskie', '60-###'),
    ],
    streets: ['ul. Marszałkowska', 'ul. Floriańska', 'ul. Długa', 'ul. Piotrkowska', 'ul. Świętojańska'],
    streetFormat: '{street} {n}',
    poBox: 'Skrytka pocztowa ###',
    phone: '+48 22 ### ## ##',
    mobile: '+48 5## ### ###',
  },
  {
    country: 'Türkiye',
    weight: 2,
    female: ['Ayşe', 'Elif', 'Zeynep', 'Fatma', 'Merve'],
    male: ['Mehmet', 'Mustafa', 'Emre', 'Burak', 'Can'],
    surnames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın'],
    cities: [
      city('İstanbul', 'İstanbul', '34###'),
      city('Ankara', 'Ankara', '06###'),
      city('İzmir', 'İzmir', '35###'),
      city('Bursa', 'Bursa', '16###'),
    ],
    streets: ['Atatürk Caddesi', 'İstiklal Caddesi', 'Cumhuriyet Sokak', 'Bağdat Caddesi'],
    streetFormat: '{street} No: {n}',
    poBox: 'PK ###',
    phone: '+90 212 ### ## ##',
    mobile: '+90 5## ### ## ##',
  },
  {
    country: 'Morocco',
    weight: 1,
    female: ['Fatima', 'Amina', 'Salma', 'Yasmine', 'Leila'],
    male: ['Mohamed', 'Youssef', 'Omar', 'Karim', 'Hamza'],
    surnames: ['El Amrani', 'Benali', 'Bennani', 'Alaoui', 'Haddad', 'El Idrissi'],
    cities: [
      city('Casablanca', 'Casablanca-Settat', '20###'),
      city('Rabat', 'Rabat-Salé-Kénitra', '10###'),
      city('Marrakech', 'Marrakech-Safi', '40###'),
    ],
    streets: ['Boulevard Mohammed V', 'Avenue Hassan II', 'Rue Ibn Battouta'],
    streetFormat: '{n}, {street}',
    poBox: 'BP ####',
    phone: '+212 522-######',
    mobile: '+212 6##-######',
  },
  {
    country: 'India',
    weight: 2,
    female: ['Priya', 'Ananya', 'Aishwarya', 'Divya', 'Kavya', 'Lakshmi'],
    male: ['Arjun', 'Rahul', 'Vikram', 'Rohan', 'Sanjay', 'Venkatesh'],
    surnames: ['Sharma', 'Patel', 'Singh', 'Iyer', 'Reddy', 'Gupta', 'Nair', 'Mukherjee', 'Venkataraman'],
    cities: [
      city('Bengaluru', 'Karnataka', '5600##'),
      city('Mumbai', 'Maharashtra', '4000##'),
      city('New Delhi', 'Delhi', '1100##'),
      city('Chennai', 'Tamil Nadu', '6000##'),
      city('Hyderabad', 'Telangana', '5000##'),
    ],
    streets: ['MG Road', 'Brigade Road', 'Linking Road', 'Anna Salai', 'Park Street'],
    streetFormat: '{n}, {street}',
    poBox: 'PO Box ###',
    phone: '+91 80 #### ####',
    mobile: '+91 98### #####',
  },
  {
    country: 'China',
    weight: 1,
    female: ['Mei', 'Xiuying', 'Jing', 'Yan', 'Hui'],
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Qiang'],
    surnames: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao'],
    cities: [
      city('Shanghai', 'Shanghai', '200###'),
      city('Beijing', 'Beijing', '100###'),
      city('Shenzhen', 'Guangdong', '518###'),
    ],
    streets: ['Nanjing Road', 'Huaihai Road', "Chang'an Avenue", 'Shennan Boulevard'],
    streetFormat: '{n} {street}',
    poBox: 'PO Box ###',
    phone: '+86 21 #### ####',
    mobile: '+86 139 #### ####',
  },
  {
    country: 'Japan',
    weight: 1,
    female: ['Yui', 'Haruka', 'Sakura', 'Aoi', 'Yuki'],
    male: ['Haruto', 'Ren', 'Takumi', 'Kenji', 'Sora'],
    surnames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura'],
    cities: [
      city('Tokyo', 'Tokyo', '100-####'),
      city('Osaka', 'Osaka', '530-####'),
      city('Yokohama', 'Kanagawa', '220-####'),
    ],
    streets: ['Marunouchi', 'Umeda', 'Minatomirai', 'Shibuya'],
    streetFormat: '#-#-{n} {street}',
    poBox: 'PO Box ###',
    phone: '+81 3-####-####',
    mobile: '+81 90-####-####',
  },
  {
    country: 'Nigeria',
    weight: 1,
    female: ['Chioma', 'Ngozi', 'Adaeze', 'Funmilayo', 'Aisha'],
    male: ['Chinedu', 'Oluwaseun', 'Emeka', 'Tunde', 'Ibrahim'],
    surnames: ['Okafor', 'Adeyemi', 'Okeke', 'Balogun', 'Eze', 'Abubakar', 'Nwosu'],
    cities: [city('Lagos', 'Lagos', '1000##'), city('Abuja', 'Federal Capital Territory', '9000##')],
    streets: ['Awolowo Road', 'Adeola Odeku Street', 'Herbert Macaulay Way'],
    streetFormat: '{n} {street}',
    poBox: 'P.O. Box ####',
    phone: '+234 1 ### ####',
    mobile: '+234 803 ### ####',
  },
  {
    country: 'Brazil',
    weight: 1,
    female: ['Ana', 'Beatriz', 'Juliana', 'Larissa', 'Gabriela'],
    male: ['João', 'Pedro', 'Rafael', 'Gustavo', 'Thiago'],
    surnames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Carvalho', 'Araújo'],
    cities: [
      city('São Paulo', 'SP', '01###-###'),
      city('Rio de Janeiro', 'RJ', '20###-###'),
      city('Belo Horizonte', 'MG', '30###-###'),
    ],
    streets: ['Avenida Paulista', 'Rua Augusta', 'Avenida Atlântica'],
    streetFormat: '{street}, {n}',
    poBox: 'Caixa Postal ####',
    phone: '+55 11 ####-####',
    mobile: '+55 11 9####-####',
  },
  {
    country: 'Sweden',
    weight: 1,
    female: ['Astrid', 'Ingrid', 'Saga', 'Maja', 'Elsa'],
    male: ['Erik', 'Lars', 'Björn', 'Oskar', 'Nils'],
    surnames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Lindqvist', 'Åberg', 'Sjöberg'],
    cities: [
      city('Stockholm', 'Stockholms län', '11# ##'),
      city('Göteborg', 'Västra Götalands län', '41# ##'),
      city('Malmö', 'Skåne län', '21# ##'),
    ],
    streets: ['Drottninggatan', 'Kungsgatan', 'Storgatan'],
    streetFormat: '{street} {n}',
    poBox: 'Box ####',
    phone: '+46 8 ### ### ##',
    mobile: '+46 70 ### ## ##',
  },
];
